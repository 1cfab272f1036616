package dev.spo.oci;

import java.util.Objects;

/**
 * A pushed artifact.
 *
 * @param reference where it was pushed, pinned to the digest ({@code registry/repo@sha256:...} or
 *     {@code oci-layout:<dir>@sha256:...})
 * @param tag the tag that now points at it
 * @param digest the manifest digest
 * @param size manifest size in bytes
 * @param format the artifact format
 */
public record PushResult(String reference, String tag, String digest, long size, ArtifactFormat format) {
  public PushResult {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(format, "format");
  }
}
