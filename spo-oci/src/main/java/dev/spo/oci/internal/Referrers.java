package dev.spo.oci.internal;

import dev.spo.oci.ContentReader;
import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.OciLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Referrers from an index document, and the OCI 1.1 tag-schema fallback. */
final class Referrers {
  private Referrers() {}

  /** The fallback tag for a subject digest: {@code sha256-<hex>}. */
  static String fallbackTag(String digest) {
    return digest.replace(':', '-');
  }

  static List<Descriptor> fromFallback(
      ContentReader reader, String digest, @Nullable String artifactType, int maxEntries, long maxBytes) {
    Optional<ManifestContent> index = reader.manifest(fallbackTag(digest), maxBytes);
    if (index.isEmpty() || index.get().digest().equals(digest) || !Manifests.isIndex(index.get().mediaType())) {
      // Missing, or the registry resolved the tag to the subject itself: no referrers.
      return List.of();
    }
    return fromIndex(index.get().bytes(), reader.location() + ":" + fallbackTag(digest), artifactType, maxEntries, maxBytes);
  }

  static List<Descriptor> fromIndex(byte[] bytes, String ref, @Nullable String artifactType, int maxEntries, long maxBytes) {
    List<Descriptor> all = Manifests.parseIndex(Json.readObject(bytes, ref), ref, new OciLimits(1, maxBytes, maxEntries));
    List<Descriptor> out = new ArrayList<>();
    for (Descriptor d : all) {
      if (artifactType == null || artifactType.equals(d.artifactType())) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }
}
