package dev.spo.oci;

import java.util.Arrays;
import java.util.Objects;

/**
 * A manifest or index exactly as stored, already checked against its digest.
 *
 * @param mediaType media type (from the document, else from the registry's Content-Type)
 * @param digest the digest of {@link #bytes()}
 * @param bytes the raw JSON (a copy is returned on every call)
 */
public record ManifestContent(String mediaType, String digest, byte[] bytes) {
  public ManifestContent {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Size in bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestContent m
        && mediaType.equals(m.mediaType)
        && digest.equals(m.digest)
        && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestContent[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
  }
}
