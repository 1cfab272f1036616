package dev.spo.oci;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reference into an OCI image-layout directory: {@code oci-layout:<dir>[:tag|@digest]}. The tag
 * is the index entry's {@code org.opencontainers.image.ref.name} (what skopeo's {@code oci:}
 * transport uses); without tag and digest it is {@code latest}.
 *
 * @param directory the layout directory
 * @param tag the tag; null for a digest reference
 * @param digest the pinned digest; null for a tag reference
 */
public record LayoutReference(Path directory, @Nullable String tag, @Nullable String digest) {

  /** The prefix of layout references. */
  public static final String SCHEME = "oci-layout:";

  public LayoutReference {
    Objects.requireNonNull(directory, "directory");
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a layout reference needs a tag or a digest");
    }
    if (tag != null && (tag.isEmpty() || tag.contains("/") || tag.contains("@"))) {
      throw new IllegalArgumentException("invalid layout tag: " + tag);
    }
    if (digest != null && !OciReference.isDigest(digest)) {
      throw new IllegalArgumentException("invalid or unsupported digest (sha256 only): " + digest);
    }
  }

  /** Whether the text uses the {@code oci-layout:} scheme. */
  public static boolean isLayoutReference(String text) {
    return text.startsWith(SCHEME);
  }

  /** Parses {@code oci-layout:<dir>[:tag|@digest]}. */
  public static LayoutReference parse(String text) {
    if (!isLayoutReference(text)) {
      throw new IllegalArgumentException("not an oci-layout: reference: " + text);
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.lastIndexOf('/');
    int at = rest.lastIndexOf('@');
    if (at > slash) {
      return new LayoutReference(dir(rest.substring(0, at), text), null, rest.substring(at + 1));
    }
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      return new LayoutReference(dir(rest.substring(0, colon), text), rest.substring(colon + 1), null);
    }
    return new LayoutReference(dir(rest, text), "latest", null);
  }

  private static Path dir(String dir, String text) {
    if (dir.isEmpty()) {
      throw new IllegalArgumentException("oci-layout: reference without directory: " + text);
    }
    return Path.of(dir);
  }

  /** The tag, else the digest. */
  public String identifier() {
    return digest != null ? digest : Objects.requireNonNull(tag);
  }

  /** This directory pinned to a digest. */
  public LayoutReference withDigest(String newDigest) {
    return new LayoutReference(directory, null, newDigest);
  }

  @Override
  public String toString() {
    return SCHEME + directory + (digest != null ? "@" + digest : ":" + tag);
  }
}
