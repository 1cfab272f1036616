package dev.spo.oci.internal;

import dev.spo.oci.ArtifactException;
import dev.spo.oci.Descriptor;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciLimits;
import dev.spo.oci.OciReference;
import dev.spo.oci.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads image manifests and indexes, and writes image manifests and layout indexes with a fixed
 * field order (and sorted annotations) so the same input always gives the same bytes and digest.
 */
public final class Manifests {
  private Manifests() {}

  /** A parsed image manifest. */
  public record ImageManifest(
      String mediaType,
      @Nullable String artifactType,
      Descriptor config,
      List<Descriptor> layers,
      Map<String, String> annotations) {
    public ImageManifest {
      layers = List.copyOf(layers);
      annotations = Map.copyOf(annotations);
    }
  }

  /** Whether the media type is an index (OCI index or Docker manifest list). */
  public static boolean isIndex(String mediaType) {
    return MediaTypes.OCI_INDEX.equals(mediaType) || MediaTypes.DOCKER_MANIFEST_LIST.equals(mediaType);
  }

  /** Whether the media type is an image manifest (OCI or Docker schema 2). */
  public static boolean isManifest(String mediaType) {
    return MediaTypes.OCI_MANIFEST.equals(mediaType) || MediaTypes.DOCKER_MANIFEST.equals(mediaType);
  }

  /**
   * The media type of a manifest document: its {@code mediaType} field, else the one the server
   * sent, else guessed from the shape ({@code manifests} means index).
   */
  public static String mediaTypeOf(Map<String, @Nullable Object> doc, @Nullable String headerType) {
    if (doc.get("mediaType") instanceof String s && !s.isEmpty()) {
      return s;
    }
    if (headerType != null && (isIndex(headerType) || isManifest(headerType))) {
      return headerType;
    }
    return doc.containsKey("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  /** Parses an image manifest. */
  public static ImageManifest parseManifest(Map<String, @Nullable Object> doc, String ref, OciLimits limits) {
    if (!(doc.get("schemaVersion") instanceof Number n) || n.intValue() != 2) {
      throw invalid(ref, "manifest schemaVersion must be 2");
    }
    if (!(doc.get("config") instanceof Map<?, ?> config)) {
      throw invalid(ref, "manifest has no config descriptor");
    }
    List<Descriptor> layers = descriptors(doc.get("layers"), "layers", ref, limits);
    return new ImageManifest(
        mediaTypeOf(doc, null),
        doc.get("artifactType") instanceof String s ? s : null,
        descriptor(config, ref),
        layers,
        stringMap(doc.get("annotations"), ref));
  }

  /** Parses the {@code manifests} of an index. */
  public static List<Descriptor> parseIndex(Map<String, @Nullable Object> doc, String ref, OciLimits limits) {
    if (!(doc.get("schemaVersion") instanceof Number n) || n.intValue() != 2) {
      throw invalid(ref, "index schemaVersion must be 2");
    }
    return descriptors(doc.get("manifests"), "manifests", ref, limits);
  }

  private static List<Descriptor> descriptors(@Nullable Object value, String field, String ref, OciLimits limits) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(ref, field + " is not an array");
    }
    if (list.size() > limits.maxEntries()) {
      throw invalid(ref, field + " has " + list.size() + " entries, more than the limit of " + limits.maxEntries());
    }
    List<Descriptor> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw invalid(ref, field + " entry is not an object");
      }
      out.add(descriptor(m, ref));
    }
    return out;
  }

  private static Descriptor descriptor(Map<?, ?> m, String ref) {
    if (!(m.get("mediaType") instanceof String mediaType) || !(m.get("digest") instanceof String digest)) {
      throw invalid(ref, "descriptor without mediaType or digest");
    }
    if (!OciReference.isDigest(digest)) {
      throw invalid(ref, "descriptor digest is not a sha256 digest: " + digest);
    }
    if (!(m.get("size") instanceof Number size) || size.longValue() < 0) {
      throw invalid(ref, "descriptor " + digest + " has no valid size");
    }
    Platform platform = null;
    if (m.get("platform") instanceof Map<?, ?> p) {
      if (!(p.get("os") instanceof String os) || !(p.get("architecture") instanceof String arch)) {
        throw invalid(ref, "descriptor " + digest + " has a platform without os or architecture");
      }
      platform =
          new Platform(
              os,
              arch,
              p.get("variant") instanceof String v ? v : null,
              p.get("os.version") instanceof String ov ? ov : null);
    }
    return new Descriptor(
        mediaType,
        digest,
        size.longValue(),
        m.get("artifactType") instanceof String at ? at : null,
        stringMap(m.get("annotations"), ref),
        platform);
  }

  private static Map<String, String> stringMap(@Nullable Object value, String ref) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw invalid(ref, "annotations is not an object");
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getValue() instanceof String s) {
        out.put((String) e.getKey(), s);
      } else {
        throw invalid(ref, "annotation " + e.getKey() + " is not a string");
      }
    }
    return out;
  }

  private static ArtifactException invalid(String ref, String message) {
    return new ArtifactException(ArtifactException.Reason.INVALID_ARTIFACT, ref, message);
  }

  // ------------------------------------------------------------------ writing

  /** Writes an OCI image manifest; field order and sorted annotations make the bytes stable. */
  public static byte[] writeManifest(
      @Nullable String artifactType, Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 2);
    doc.put("mediaType", MediaTypes.OCI_MANIFEST);
    if (artifactType != null) {
      doc.put("artifactType", artifactType);
    }
    doc.put("config", descriptorTree(config));
    List<Object> layerTrees = new ArrayList<>();
    for (Descriptor d : layers) {
      layerTrees.add(descriptorTree(d));
    }
    doc.put("layers", layerTrees);
    if (!annotations.isEmpty()) {
      doc.put("annotations", new TreeMap<>(annotations));
    }
    return Json.write(doc);
  }

  /** Writes an OCI image index (used for a layout's {@code index.json}). */
  public static byte[] writeIndex(List<Descriptor> manifests) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 2);
    doc.put("mediaType", MediaTypes.OCI_INDEX);
    List<Object> entries = new ArrayList<>();
    for (Descriptor d : manifests) {
      entries.add(descriptorTree(d));
    }
    doc.put("manifests", entries);
    return Json.write(doc);
  }

  private static Map<String, Object> descriptorTree(Descriptor d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mediaType", d.mediaType());
    m.put("digest", d.digest());
    m.put("size", d.size());
    if (d.artifactType() != null) {
      m.put("artifactType", d.artifactType());
    }
    if (!d.annotations().isEmpty()) {
      m.put("annotations", new TreeMap<>(d.annotations()));
    }
    Platform p = d.platform();
    if (p != null) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("architecture", p.architecture());
      pm.put("os", p.os());
      if (p.osVersion() != null) {
        pm.put("os.version", p.osVersion());
      }
      if (p.variant() != null) {
        pm.put("variant", p.variant());
      }
      m.put("platform", pm);
    }
    return m;
  }
}
