package dev.spo.oci.internal;

import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciLimits;
import dev.spo.oci.OciReference;
import dev.spo.oci.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An OCI image-layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/}).
 * Tags are index entries annotated with {@code org.opencontainers.image.ref.name}, as skopeo and
 * other tools write them. Every file is written to a temporary file and renamed into place, so
 * readers never see partial content; index updates are serialised within the JVM (not across
 * processes: two processes tagging in one directory at the same moment can lose a tag).
 */
public final class LayoutTransport implements Transport {
  private static final byte[] LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
  private static final ConcurrentHashMap<Path, Object> INDEX_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final String location;

  public LayoutTransport(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.location = "oci-layout:" + this.dir;
  }

  @Override
  public String location() {
    return location;
  }

  private Path blobPath(String digest) {
    return dir.resolve("blobs").resolve("sha256").resolve(Digests.hex(digest));
  }

  @Override
  public Optional<ManifestContent> manifest(String tagOrDigest, long maxBytes) {
    String digest = tagOrDigest;
    String mediaType = null;
    if (!OciReference.isDigest(tagOrDigest)) {
      Optional<Descriptor> entry = findTag(tagOrDigest);
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      digest = entry.get().digest();
      mediaType = entry.get().mediaType();
      if (entry.get().size() > maxBytes) {
        throw tooLarge(digest, entry.get().size(), maxBytes);
      }
    }
    if (!Files.exists(blobPath(digest))) {
      return Optional.empty();
    }
    byte[] bytes = readBlobFile(digest, maxBytes);
    Map<String, @Nullable Object> doc = Json.readObject(bytes, location + "@" + digest);
    return Optional.of(new ManifestContent(Manifests.mediaTypeOf(doc, mediaType), digest, bytes));
  }

  @Override
  public byte[] blob(String digest, long maxBytes) {
    if (!Files.exists(blobPath(digest))) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, location + "@" + digest, -1, null, "blob not found");
    }
    return readBlobFile(digest, maxBytes);
  }

  private byte[] readBlobFile(String digest, long maxBytes) {
    Path file = blobPath(digest);
    String ref = location + "@" + digest;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw tooLarge(digest, size, maxBytes);
      }
      byte[] bytes;
      try (var in = Files.newInputStream(file)) {
        // Read one byte past the limit: the file may have grown since size() was taken.
        bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      }
      if (bytes.length > maxBytes) {
        throw tooLarge(digest, bytes.length, maxBytes);
      }
      Digests.verify(digest, bytes, ref);
      return bytes;
    } catch (NoSuchFileException e) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, ref, -1, null, "blob not found", e);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.IO, ref, -1, null, "cannot read blob: " + e, e);
    }
  }

  private RegistryException tooLarge(String digest, long size, long max) {
    return new RegistryException(
        RegistryException.Reason.TOO_LARGE,
        location + "@" + digest,
        -1,
        null,
        "content of " + size + " bytes exceeds the limit of " + max + " bytes");
  }

  private Optional<Descriptor> findTag(String tag) {
    Descriptor found = null;
    for (Descriptor d : readIndex()) {
      if (tag.equals(d.annotations().get(MediaTypes.ANNOTATION_REF_NAME))) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  private List<Descriptor> readIndex() {
    Path index = dir.resolve("index.json");
    if (!Files.exists(index)) {
      return List.of();
    }
    try {
      long max = OciLimits.DEFAULTS.maxManifestBytes();
      if (Files.size(index) > max) {
        throw tooLarge("index.json", Files.size(index), max);
      }
      byte[] bytes = Files.readAllBytes(index);
      // A layout's index may list many images (it is a shared store), so its entry count is not
      // bounded like an artifact's; its byte size is.
      return Manifests.parseIndex(
          Json.readObject(bytes, location + "/index.json"),
          location + "/index.json",
          new OciLimits(1, max, Integer.MAX_VALUE));
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.IO, location + "/index.json", -1, null, "cannot read: " + e, e);
    }
  }

  /** Layouts have no referrers API; referrers are found through the tag-schema fallback only. */
  @Override
  public List<Descriptor> referrers(String digest, @Nullable String artifactType, int maxEntries, long maxBytes) {
    return Referrers.fromFallback(this, digest, artifactType, maxEntries, maxBytes);
  }

  @Override
  public boolean hasBlob(String digest) {
    return Files.exists(blobPath(digest));
  }

  @Override
  public void putBlob(String digest, String mediaType, byte[] bytes) {
    Digests.verify(digest, bytes, location + "@" + digest);
    Path target = blobPath(digest);
    if (Files.exists(target)) {
      return;
    }
    ensureLayout();
    writeAtomically(target, bytes);
  }

  @Override
  public void putManifest(@Nullable String tag, String digest, String mediaType, byte[] bytes) {
    putBlob(digest, mediaType, bytes);
    if (tag == null) {
      return;
    }
    synchronized (INDEX_LOCKS.computeIfAbsent(dir, d -> new Object())) {
      List<Descriptor> entries = new ArrayList<>();
      for (Descriptor d : readIndex()) {
        if (!tag.equals(d.annotations().get(MediaTypes.ANNOTATION_REF_NAME))) {
          entries.add(d);
        }
      }
      Map<String, String> annotations = new TreeMap<>();
      annotations.put(MediaTypes.ANNOTATION_REF_NAME, tag);
      entries.add(new Descriptor(mediaType, digest, bytes.length, null, annotations, null));
      writeAtomically(dir.resolve("index.json"), Manifests.writeIndex(entries));
    }
  }

  private void ensureLayout() {
    try {
      Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
      if (!Files.exists(dir.resolve("oci-layout"))) {
        writeAtomically(dir.resolve("oci-layout"), LAYOUT_FILE);
      }
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.IO, location, -1, null, "cannot create layout: " + e, e);
    }
  }

  private void writeAtomically(Path target, byte[] bytes) {
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Reason.IO, location, -1, null, "cannot write " + target + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the write already failed and that failure is what the caller sees.
        }
      }
    }
  }
}
