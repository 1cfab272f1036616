package dev.spo.oci;

import java.util.Optional;

/**
 * Read access to one repository (a registry repository or an OCI layout directory), given to a
 * {@link SignatureVerifier} so it can find signatures next to the artifact. Everything returned is
 * size-bounded and checked against its digest.
 */
public interface ContentReader {
  /** Where the content lives: {@code registry/repository} or {@code oci-layout:<dir>}. */
  String location();

  /**
   * A manifest or index by tag or digest; a digest is verified against the content, a tag
   * yields the digest of the bytes actually received.
   *
   * @return empty when the tag or digest does not exist
   * @throws RegistryException on any other failure, or when the body exceeds {@code maxBytes}
   */
  Optional<ManifestContent> manifest(String tagOrDigest, long maxBytes);

  /**
   * A blob by digest, verified.
   *
   * @throws RegistryException when missing, larger than {@code maxBytes}, or not matching
   */
  byte[] blob(String digest, long maxBytes);
}
