package dev.spo.oci;

import org.jspecify.annotations.Nullable;

/**
 * Read and write access to one repository (a registry repository or an OCI layout directory),
 * for tools that store content next to artifacts, such as signature publishers. Obtained from
 * {@link OciProfiles#repository(String)}; reads are bounded and digest-checked like pulls.
 */
public interface OciRepository extends ContentReader {
  /** Whether the blob is already stored, so an upload can be skipped. */
  boolean hasBlob(String digest);

  /**
   * Stores a blob.
   *
   * @param digest the digest of {@code bytes}, computed by the caller
   * @throws RegistryException when the upload fails
   */
  void putBlob(String digest, String mediaType, byte[] bytes);

  /**
   * Stores a manifest or index, tagged with {@code tag} when not null.
   *
   * @param digest the digest of {@code bytes}, computed by the caller
   * @throws RegistryException when the upload fails
   */
  void putManifest(@Nullable String tag, String digest, String mediaType, byte[] bytes);
}
