package dev.spo.oci;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of signature enforcement for one pull.
 *
 * @param status verified, or skipped because the caller opted out
 * @param digest the digest that was checked
 * @param signer who signed (certificate SAN or key fingerprint); null when skipped
 * @param issuer OIDC issuer of a keyless signature; null otherwise
 * @param scheme signature scheme, e.g. {@code cosign-legacy} or {@code sigstore-bundle}; null when skipped
 * @param details free-form notes from the verifier (e.g. rejected candidates)
 */
public record VerificationResult(
    Status status,
    String digest,
    @Nullable String signer,
    @Nullable String issuer,
    @Nullable String scheme,
    List<String> details) {

  /** Whether a signature was checked. */
  public enum Status {
    /** A signature satisfying the policy was found. */
    VERIFIED,
    /** Verification was explicitly disabled by the caller. */
    SKIPPED
  }

  public VerificationResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(digest, "digest");
    details = List.copyOf(details);
  }

  /** A successful verification. */
  public static VerificationResult verified(String digest, String signer, @Nullable String issuer, String scheme) {
    return new VerificationResult(Status.VERIFIED, digest, signer, issuer, scheme, List.of());
  }

  /** Verification skipped by explicit opt-out. */
  public static VerificationResult skipped(String digest) {
    return new VerificationResult(
        Status.SKIPPED, digest, null, null, null, List.of("signature verification disabled by the caller"));
  }
}
