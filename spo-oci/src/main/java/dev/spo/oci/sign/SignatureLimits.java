package dev.spo.oci.sign;

/**
 * Bounds on what a verifier reads, so a hostile registry cannot make it fetch or check without
 * limit. The defaults are the Security Profiles Operator's.
 *
 * @param maxCandidates most signatures checked per digest (legacy layers and bundles together)
 * @param maxReferrers most entries read from a referrers index
 * @param maxSignatureBytes largest signature payload or bundle
 * @param maxManifestBytes largest signature manifest or referrers index
 */
public record SignatureLimits(int maxCandidates, int maxReferrers, long maxSignatureBytes, long maxManifestBytes) {
  /** 16 candidates, 1000 referrers, 1 MiB per signature, 4 MiB per signature manifest. */
  public static final SignatureLimits DEFAULTS = new SignatureLimits(16, 1000, 1L << 20, 4L << 20);

  public SignatureLimits {
    if (maxCandidates <= 0 || maxReferrers <= 0 || maxSignatureBytes <= 0 || maxManifestBytes <= 0) {
      throw new IllegalArgumentException("signature limits must be positive");
    }
  }
}
