package dev.spo.oci.internal;

import dev.spo.oci.OciRepository;
import org.jspecify.annotations.Nullable;

/** Read and write access to one repository: a registry repository or an OCI layout directory. */
public interface Transport extends OciRepository {
  /** Whether the blob is already stored (so an upload can be skipped). */
  boolean hasBlob(String digest);

  /** Stores a blob whose digest the caller computed. */
  void putBlob(String digest, String mediaType, byte[] bytes);

  /**
   * Stores a manifest, tagged with {@code tag} when not null.
   *
   * @param digest digest of {@code bytes}, computed by the caller
   */
  void putManifest(@Nullable String tag, String digest, String mediaType, byte[] bytes);
}
