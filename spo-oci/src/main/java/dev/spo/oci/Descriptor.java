package dev.spo.oci;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An OCI content descriptor.
 *
 * @param mediaType media type of the content
 * @param digest {@code sha256:...}
 * @param size size in bytes
 * @param artifactType the artifact type, when the descriptor names a manifest that has one
 * @param annotations annotations (sorted; never null)
 * @param platform the platform, when the descriptor carries one
 */
public record Descriptor(
    String mediaType,
    String digest,
    long size,
    @Nullable String artifactType,
    Map<String, String> annotations,
    @Nullable Platform platform) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** A descriptor with only media type, digest and size. */
  public static Descriptor of(String mediaType, String digest, long size) {
    return new Descriptor(mediaType, digest, size, null, Map.of(), null);
  }

  /** The {@code org.opencontainers.image.title} annotation, if any. */
  public @Nullable String title() {
    return annotations.get(MediaTypes.ANNOTATION_TITLE);
  }
}
