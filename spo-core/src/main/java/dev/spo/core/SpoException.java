package dev.spo.core;

/**
 * Root of every exception thrown by spo-java. Each concern (parsing, validation, composition,
 * registry access, signatures, native code, external tools) has its own subclass so callers can
 * catch exactly what they handle.
 */
public abstract class SpoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SpoException(String message) {
    super(message);
  }

  protected SpoException(String message, Throwable cause) {
    super(message, cause);
  }
}
