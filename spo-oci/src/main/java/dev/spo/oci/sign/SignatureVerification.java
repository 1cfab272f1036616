package dev.spo.oci.sign;

import dev.spo.oci.VerificationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The full outcome of verifying one digest: the accepted signature and why every other candidate
 * was rejected.
 *
 * @param digest the verified digest
 * @param scheme where the accepted signature was stored
 * @param keyless whether it was a certificate (keyless) signature rather than a public-key one
 * @param signer certificate SAN, or {@code sha256:<hex>} fingerprint of the public key's SPKI
 * @param issuer OIDC issuer of a keyless signature; null for keys
 * @param signedAt the transparency log's integrated time; null when no log entry was checked
 * @param source the signature manifest (legacy tag or referrer) that held it
 * @param rejected every candidate that did not satisfy the policy, with the reason
 */
public record SignatureVerification(
    String digest,
    SignatureScheme scheme,
    boolean keyless,
    String signer,
    @Nullable String issuer,
    @Nullable Instant signedAt,
    String source,
    List<Rejection> rejected) {

  /** A candidate signature that was not accepted. */
  public record Rejection(String source, String reason) {
    public Rejection {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return source + ": " + reason;
    }
  }

  public SignatureVerification {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(source, "source");
    rejected = List.copyOf(rejected);
  }

  /**
   * This outcome as the enforcement point's result; {@code details} records the key facts
   * ({@code signedAt=}, {@code source=}, {@code mode=}) and then one {@code rejected: } line per
   * rejected candidate.
   */
  public VerificationResult toResult() {
    List<String> details = new ArrayList<>();
    details.add("mode=" + (keyless ? "keyless" : "key"));
    details.add("source=" + source);
    if (signedAt != null) {
      details.add("signedAt=" + signedAt);
    }
    for (Rejection r : rejected) {
      details.add("rejected: " + r);
    }
    return new VerificationResult(VerificationResult.Status.VERIFIED, digest, signer, issuer, scheme.id(), details);
  }
}
