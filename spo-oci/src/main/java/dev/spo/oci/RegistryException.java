package dev.spo.oci;

import dev.spo.core.SpoException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Content could not be read from or written to a registry or an OCI layout: an HTTP error, a
 * timeout, a transport failure, content that does not hash to its digest, content larger than
 * the limits, or a protocol violation. Carries the HTTP status (or -1), the registry's error
 * body (truncated) and the reference.
 */
public final class RegistryException extends SpoException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The registry answered with an error status; see {@link #status()}. */
    HTTP_STATUS,
    /** Credentials were missing or refused (401/403). */
    UNAUTHORIZED,
    /** The manifest or blob does not exist. */
    NOT_FOUND,
    /** The request or the body did not complete within the timeout. */
    TIMEOUT,
    /** Connection, TLS or file-system failure. */
    IO,
    /** Content did not hash to the expected digest, or was cut short. */
    DIGEST_MISMATCH,
    /** Content is larger than the configured limit. */
    TOO_LARGE,
    /** The peer broke the protocol (bad headers, redirect loop, malformed JSON, ...). */
    PROTOCOL
  }

  private final Reason reason;
  private final int status;
  private final @Nullable String errorBody;
  private final String reference;

  public RegistryException(Reason reason, String reference, int status, @Nullable String errorBody, String message) {
    this(reason, reference, status, errorBody, message, null);
  }

  public RegistryException(
      Reason reason,
      String reference,
      int status,
      @Nullable String errorBody,
      String message,
      @Nullable Throwable cause) {
    super(format(reference, status, errorBody, message), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.reference = reference;
    this.status = status;
    this.errorBody = errorBody;
  }

  private static String format(String reference, int status, @Nullable String errorBody, String message) {
    StringBuilder sb = new StringBuilder(reference).append(": ").append(message);
    if (status > 0) {
      sb.append(" (HTTP ").append(status).append(')');
    }
    if (errorBody != null && !errorBody.isBlank()) {
      sb.append(": ").append(errorBody.strip());
    }
    return sb.toString();
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** HTTP status, or -1 when the failure was not an HTTP response. */
  public int status() {
    return status;
  }

  /** The registry's error body (at most a few KiB), when it sent one. */
  public @Nullable String errorBody() {
    return errorBody;
  }

  /** The reference (or URL path) being accessed. */
  public String reference() {
    return reference;
  }
}
