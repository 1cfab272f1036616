package dev.spo.oci.sign;

import dev.spo.oci.OciRepository;

/** Signs a digest stored in a repository and publishes the signature next to it. Implementations are thread-safe. */
public interface ArtifactSigner {
  /**
   * Signs {@code digest} (a manifest or index already stored in {@code repository}).
   *
   * @throws SignatureException when signing or publishing fails
   */
  SignedArtifact sign(OciRepository repository, String digest, SigningOptions options);
}
