package dev.spo.oci;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /**
   * Manifests that name {@code digest} as their {@code subject} (OCI 1.1 referrers): from the
   * registry's referrers API, or, where there is none (Distribution 2.8, OCI layouts), from the
   * tag-schema fallback index tagged {@code sha256-<hex>}. Filtered by {@code artifactType} here
   * even when the registry was asked to filter. A fallback tag that resolves to the subject itself
   * (a known registry bug) counts as no referrers. Entries are not fetched: a caller that trusts
   * an entry must fetch it by digest and check its {@code subject}.
   *
   * @param artifactType only entries with this artifact type; null for all
   * @param maxEntries more entries than this is an error
   * @param maxBytes largest referrers response or fallback index
   */
  List<Descriptor> referrers(String digest, @Nullable String artifactType, int maxEntries, long maxBytes);
}
