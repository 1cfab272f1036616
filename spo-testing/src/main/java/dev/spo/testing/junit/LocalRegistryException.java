package dev.spo.testing.junit;

import dev.spo.core.SpoException;

/** The local registry could not be started (binary missing, exited, did not answer in time). */
public final class LocalRegistryException extends SpoException {
  private static final long serialVersionUID = 1L;

  LocalRegistryException(String message) {
    super(message);
  }

  LocalRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
