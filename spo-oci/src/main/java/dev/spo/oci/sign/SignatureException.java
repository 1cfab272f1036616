package dev.spo.oci.sign;

import dev.spo.core.SpoException;
import org.jspecify.annotations.Nullable;

/**
 * Signing or publishing a signature failed, or signing material (a key, a trusted root) is
 * unusable. When an artifact was pushed before signing failed, {@link #pushedReference()} names it
 * pinned to its digest so the caller can sign it later.
 */
public final class SignatureException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String pushedReference;

  public SignatureException(String message) {
    this(message, null, null);
  }

  public SignatureException(String message, @Nullable Throwable cause) {
    this(message, null, cause);
  }

  public SignatureException(String message, @Nullable String pushedReference, @Nullable Throwable cause) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
    this.pushedReference = pushedReference;
  }

  /** The artifact pushed before signing failed ({@code location@digest}), or null. */
  public @Nullable String pushedReference() {
    return pushedReference;
  }
}
