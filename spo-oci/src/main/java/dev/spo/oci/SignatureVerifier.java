package dev.spo.oci;

/**
 * Checks that an artifact digest is signed as the caller's policy demands. Implementations find
 * signatures through the given {@link ContentReader} (cosign's {@code sha256-<hex>.sig} tag,
 * bundle referrers, ...) and must be thread-safe. The spo-oci module only enforces that one is
 * configured; cosign-compatible verification is provided separately.
 */
@FunctionalInterface
public interface SignatureVerifier {
  /**
   * Verifies the subject.
   *
   * @return the verified result (status {@link VerificationResult.Status#VERIFIED})
   * @throws SignatureVerificationException when no signature satisfies the policy
   */
  VerificationResult verify(SignatureSubject subject, ContentReader content);
}
