package dev.spo.oci;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a pull asks a {@link SignatureVerifier} to check: the pinned digest the pull resolved
 * (before any platform selection; an index digest when the tag names an index).
 *
 * @param reference the reference as the caller wrote it
 * @param location {@code registry/repository} or {@code oci-layout:<dir>}
 * @param registryReference the registry reference pinned to the digest; null for layout stores
 * @param digest the pinned digest
 * @param mediaType media type of the manifest or index
 */
public record SignatureSubject(
    String reference, String location, @Nullable OciReference registryReference, String digest, String mediaType) {
  public SignatureSubject {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(mediaType, "mediaType");
  }
}
