package dev.spo.oci.sign;

/** Where and how a signature is stored. */
public enum SignatureScheme {
  /** cosign's legacy tag {@code sha256-<hex>.sig}: simplesigning payload layers with annotations. */
  COSIGN_LEGACY("cosign-legacy"),
  /** A Sigstore bundle (v0.3) attached as an OCI referrer, cosign 3's default. */
  SIGSTORE_BUNDLE("sigstore-bundle");

  private final String id;

  SignatureScheme(String id) {
    this.id = id;
  }

  /** The short name used in {@link dev.spo.oci.VerificationResult#scheme()}. */
  public String id() {
    return id;
  }
}
