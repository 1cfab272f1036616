package dev.spo.oci;

import dev.spo.core.SpoException;
import java.util.List;

/**
 * A pull was refused by signature enforcement: no verifier is configured, or no signature
 * satisfied the verifier's policy. {@link #reasons()} holds one entry per rejected candidate (or
 * the configuration problem).
 */
public final class SignatureVerificationException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String reference;
  private final String digest;
  private final List<String> reasons;

  public SignatureVerificationException(String reference, String digest, String message, List<String> reasons) {
    super(reference + "@" + digest + ": " + message + (reasons.isEmpty() ? "" : " " + reasons));
    this.reference = reference;
    this.digest = digest;
    this.reasons = List.copyOf(reasons);
  }

  /** The reference being pulled. */
  public String reference() {
    return reference;
  }

  /** The digest whose signature was checked. */
  public String digest() {
    return digest;
  }

  /** Why each candidate signature was rejected, or what is misconfigured. */
  public List<String> reasons() {
    return reasons;
  }
}
