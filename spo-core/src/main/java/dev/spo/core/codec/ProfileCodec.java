package dev.spo.core.codec;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.internal.SeccompSpecCodec;
import dev.spo.core.internal.TreeReader;
import dev.spo.core.internal.TreeWriter;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.spi.DocumentObject;
import dev.spo.core.spi.ProfileKind;
import dev.spo.core.spi.ProfileKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes profiles as YAML and JSON. Immutable and thread-safe; build one and share it.
 *
 * <p>Reading accepts one or many documents ({@code ---}), dispatches on {@code kind} through
 * {@link ProfileKinds}, accepts every served apiVersion and maps the pre-v1 booleans to the v1
 * enums. Writing always produces {@code v1}. Every failure is a {@link ProfileParseException}
 * naming the source, the profile and the JSON pointer.
 */
public final class ProfileCodec {
  private static final ProfileCodec DEFAULTS = builder().build();

  private final TreeReader reader;
  private final UnknownFieldPolicy unknownFields;
  private final ProfileKinds kinds;

  private ProfileCodec(Builder b) {
    this.reader = new TreeReader(b.limits);
    this.unknownFields = b.unknownFields;
    this.kinds = b.kinds == null ? ProfileKinds.loaded() : b.kinds;
  }

  /** A codec with default limits, unknown fields rejected, and the kinds found on the class path. */
  public static ProfileCodec defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The limits this codec enforces. */
  public ParseLimits limits() {
    return reader.limits();
  }

  // ---------------------------------------------------------------- reading CRD documents

  /** Every profile in the file. */
  public List<Profile> readAll(Path path) {
    return decodeAll(readFile(path), path.toString());
  }

  /** Every profile in the stream; {@code source} names it in errors. */
  public List<Profile> readAll(InputStream in, String source) {
    return decodeAll(reader.readBounded(in, source), source);
  }

  /** Every profile in the text. */
  public List<Profile> readAll(String text) {
    return decodeAll(text.getBytes(StandardCharsets.UTF_8), "<string>");
  }

  /** The single profile in the file. */
  public Profile read(Path path) {
    return single(readAll(path), path.toString());
  }

  /** The single profile in the text. */
  public Profile read(String text) {
    return single(readAll(text), "<string>");
  }

  /** The single profile in the stream. */
  public Profile read(InputStream in, String source) {
    return single(readAll(in, source), source);
  }

  /** The single profile in the file, which must be of the given type. */
  public <P extends Profile> P read(Path path, Class<P> type) {
    return expect(read(path), type, path.toString());
  }

  /** The single profile in the text, which must be of the given type. */
  public <P extends Profile> P read(String text, Class<P> type) {
    return expect(read(text), type, "<string>");
  }

  /** The single profile in the bytes. */
  public Profile read(byte[] bytes, String source) {
    return single(decodeAll(bytes, source), source);
  }

  /**
   * Reads a seccomp profile in whichever form the file has: an SPO SeccompProfile document, or an
   * OCI runtime-spec {@code LinuxSeccomp} JSON object, which becomes a SeccompProfile named after
   * the file (its name without extension).
   */
  public Profile readDetected(Path path) {
    return readDetected(readFile(path), path.toString(), nameFromSource(path.getFileName().toString()));
  }

  /** Like {@link #readDetected(Path)} for bytes; runtime JSON gets {@code defaultName}. */
  public Profile readDetected(byte[] bytes, String source, String defaultName) {
    List<@Nullable Object> docs = reader.readAll(bytes, source);
    if (docs.size() == 1 && docs.get(0) instanceof Map<?, ?> m && !m.containsKey("kind")) {
      SeccompSpec spec = decodeRuntime(docs.get(0), source);
      return SeccompProfile.of(defaultName, spec);
    }
    return single(decodeDocuments(docs, source), source);
  }

  // ---------------------------------------------------------------- runtime-spec JSON

  /** An OCI runtime-spec {@code LinuxSeccomp} object from a file. */
  public SeccompSpec readRuntimeSeccomp(Path path) {
    return readRuntimeSeccomp(readFile(path), path.toString());
  }

  /** An OCI runtime-spec {@code LinuxSeccomp} object from text. */
  public SeccompSpec readRuntimeSeccomp(String json) {
    return readRuntimeSeccomp(json.getBytes(StandardCharsets.UTF_8), "<string>");
  }

  /** An OCI runtime-spec {@code LinuxSeccomp} object from bytes. */
  public SeccompSpec readRuntimeSeccomp(byte[] bytes, String source) {
    List<@Nullable Object> docs = reader.readAll(bytes, source);
    if (docs.size() != 1) {
      throw new ProfileParseException(source, null, "", "expected one JSON object, found " + docs.size() + " documents");
    }
    return decodeRuntime(docs.get(0), source);
  }

  @SuppressWarnings("unchecked")
  private SeccompSpec decodeRuntime(@Nullable Object doc, String source) {
    if (!(doc instanceof Map<?, ?> m)) {
      throw new ProfileParseException(source, null, "", "expected a JSON object");
    }
    Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) m;
    if (map.containsKey("archMap") || hasDockerEntryFields(map)) {
      throw new ProfileParseException(
          source,
          null,
          map.containsKey("archMap") ? "/archMap" : "/syscalls",
          "this is a Docker/moby-format profile (archMap, includes, excludes); flatten it with DockerProfiles.flatten first");
    }
    return SeccompSpecCodec.decode(
        DocumentObject.root(map, source, unknownFields), SeccompSpecCodec.Dialect.RUNTIME);
  }

  private static boolean hasDockerEntryFields(Map<String, @Nullable Object> map) {
    if (map.get("syscalls") instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> e
            && (e.containsKey("includes") || e.containsKey("excludes") || e.containsKey("comment"))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- writing

  /** One profile as a YAML document (no {@code ---} marker). */
  public String toYaml(Profile profile) {
    return TreeWriter.yaml(toTree(profile));
  }

  /** Several profiles as a multi-document YAML stream. */
  public String toYaml(List<? extends Profile> profiles) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < profiles.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(toYaml(profiles.get(i)));
    }
    return sb.toString();
  }

  /** One profile as compact JSON. */
  public String toJson(Profile profile) {
    return TreeWriter.json(toTree(profile));
  }

  /** One profile as indented JSON followed by a newline. */
  public String toPrettyJson(Profile profile) {
    return TreeWriter.prettyJson(toTree(profile));
  }

  /** An OCI runtime-spec {@code LinuxSeccomp} JSON object (drops state and baseProfileName). */
  public String toRuntimeJson(SeccompSpec spec, boolean pretty) {
    Map<String, @Nullable Object> tree = SeccompSpecCodec.encode(spec, SeccompSpecCodec.Dialect.RUNTIME, false);
    return pretty ? TreeWriter.prettyJson(tree) : TreeWriter.json(tree);
  }

  /**
   * The file SPO writes to {@code <kubelet>/seccomp/operator/<name>.json}: compact JSON of the spec
   * with SPO's key order and Go's omitempty, no trailing newline.
   */
  public String toNodeFileJson(SeccompSpec spec) {
    return TreeWriter.json(SeccompSpecCodec.encode(spec, SeccompSpecCodec.Dialect.CRD, true));
  }

  /** The value of SPO's {@code syscalls} annotation: a compact JSON array of the rules. */
  public String syscallsAnnotation(List<Syscall> syscalls) {
    return SeccompSpecCodec.syscallsJson(syscalls, true);
  }

  /** The document as plain JSON values in write order. */
  @SuppressWarnings("unchecked")
  public <P extends Profile> Map<String, @Nullable Object> toTree(P profile) {
    ProfileKind<P> kind = (ProfileKind<P>) kinds.forType(profile.getClass());
    if (kind == null) {
      throw new IllegalArgumentException("no ProfileKind registered for " + profile.getClass().getName());
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("apiVersion", Profile.API_VERSION_V1);
    out.put("kind", kind.kind());
    out.put("metadata", encodeMetadata(profile.metadata()));
    out.put("spec", kind.encodeSpec(profile));
    Map<String, @Nullable Object> status = kind.encodeStatus(profile);
    if (status != null) {
      out.put("status", status);
    }
    return out;
  }

  private static Map<String, @Nullable Object> encodeMetadata(ObjectMeta meta) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    if (!meta.name().isEmpty()) {
      out.put("name", meta.name());
    }
    if (meta.namespace() != null) {
      out.put("namespace", meta.namespace());
    }
    if (!meta.labels().isEmpty()) {
      out.put("labels", meta.labels());
    }
    if (!meta.annotations().isEmpty()) {
      out.put("annotations", meta.annotations());
    }
    out.putAll(meta.extra());
    return out;
  }

  // ---------------------------------------------------------------- internals

  private byte[] readFile(Path path) {
    try {
      long size = Files.size(path);
      if (size > reader.limits().maxDocumentBytes()) {
        throw new ProfileParseException(
            path.toString(), null, "", "file is larger than the limit of " + reader.limits().maxDocumentBytes() + " bytes");
      }
      try (InputStream in = Files.newInputStream(path)) {
        return reader.readBounded(in, path.toString());
      }
    } catch (IOException e) {
      throw new ProfileParseException(path.toString(), null, "", "cannot read file: " + e, e);
    }
  }

  private List<Profile> decodeAll(byte[] bytes, String source) {
    return decodeDocuments(reader.readAll(bytes, source), source);
  }

  @SuppressWarnings("unchecked")
  private List<Profile> decodeDocuments(List<@Nullable Object> docs, String source) {
    List<Profile> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Object doc = docs.get(i);
      String docSource = docs.size() > 1 ? source + " (document " + (i + 1) + ")" : source;
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?> m)) {
        throw new ProfileParseException(docSource, null, "", "expected an object at the top of the document");
      }
      out.add(decode(DocumentObject.root((Map<String, @Nullable Object>) m, docSource, unknownFields)));
    }
    return out;
  }

  private Profile decode(DocumentObject root) {
    DocumentObject metaNode = root.object("metadata");
    ObjectMeta meta = metaNode == null ? ObjectMeta.named("") : decodeMetadata(metaNode);
    root.profileName(meta.name());
    String kindName = root.string("kind");
    if (kindName == null) {
      throw root.error("kind", "required field is missing");
    }
    ProfileKind<?> kind = kinds.find(kindName);
    if (kind == null) {
      throw root.error("kind", "unknown kind '" + kindName + "' (known: " + String.join(", ", kinds.names()) + ")");
    }
    String apiVersion = root.string("apiVersion");
    if (apiVersion != null && !kind.apiVersions().contains(apiVersion)) {
      throw root.error(
          "apiVersion",
          "unsupported apiVersion '" + apiVersion + "' for " + kindName + " (supported: "
              + String.join(", ", kind.apiVersions().stream().sorted().toList()) + ")");
    }
    DocumentObject spec = root.object("spec");
    if (spec == null) {
      spec = DocumentObject.root(new LinkedHashMap<>(), root.source(), unknownFields);
      spec.profileName(meta.name());
    }
    DocumentObject status = root.object("status");
    Profile profile = kind.decode(apiVersion == null ? Profile.API_VERSION_V1 : apiVersion, meta, spec, status);
    root.finish();
    return profile;
  }

  private static ObjectMeta decodeMetadata(DocumentObject meta) {
    String name = meta.string("name");
    String namespace = meta.string("namespace");
    Map<String, String> labels = meta.stringMap("labels");
    Map<String, String> annotations = meta.stringMap("annotations");
    return new ObjectMeta(name == null ? "" : name, namespace, labels, annotations, meta.unread());
  }

  private static Profile single(List<Profile> profiles, String source) {
    if (profiles.size() != 1) {
      throw new ProfileParseException(source, null, "", "expected exactly one profile, found " + profiles.size());
    }
    return profiles.get(0);
  }

  private static <P extends Profile> P expect(Profile profile, Class<P> type, String source) {
    if (!type.isInstance(profile)) {
      throw new ProfileParseException(
          source, profile.name(), "/kind", "expected " + type.getSimpleName() + ", found " + profile.kind());
    }
    return type.cast(profile);
  }

  /** A DNS-label-like profile name from a file name: lower case, {@code [a-z0-9.-]}, no extension. */
  static String nameFromSource(String fileName) {
    String base = fileName;
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    String cleaned = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replaceAll("^[.-]+|[.-]+$", "");
    return cleaned.isEmpty() ? "profile" : cleaned;
  }

  /** Builder for {@link ProfileCodec}. */
  public static final class Builder {
    private ParseLimits limits = ParseLimits.defaults();
    private UnknownFieldPolicy unknownFields = UnknownFieldPolicy.REJECT;
    private @Nullable ProfileKinds kinds;

    private Builder() {}

    public Builder limits(ParseLimits value) {
      this.limits = Objects.requireNonNull(value);
      return this;
    }

    public Builder unknownFields(UnknownFieldPolicy value) {
      this.unknownFields = Objects.requireNonNull(value);
      return this;
    }

    /** The kinds to read and write; defaults to {@link ProfileKinds#loaded()}. */
    public Builder kinds(ProfileKinds value) {
      this.kinds = Objects.requireNonNull(value);
      return this;
    }

    public ProfileCodec build() {
      return new ProfileCodec(this);
    }
  }
}
