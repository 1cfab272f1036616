package dev.spo.oci.sign;

/** How a signer publishes a signature. */
public enum SignatureFormat {
  /**
   * A layer added to cosign's legacy {@code sha256-<hex>.sig} manifest (existing signatures are
   * kept): what cosign 2 and released SPO versions read.
   */
  LEGACY_SIG_TAG,
  /**
   * A Sigstore bundle v0.3 (DSSE in-toto statement, predicate {@code
   * https://sigstore.dev/cosign/sign/v1}) pushed as a referrer manifest and listed in the
   * referrers tag-schema index {@code sha256-<hex>}: what cosign 3 writes.
   */
  BUNDLE_REFERRER
}
