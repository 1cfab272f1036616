package dev.spo.core.codec;

import dev.spo.core.internal.SeccompSpecCodec;
import dev.spo.core.internal.TreeReader;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.spi.DocumentObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flattens Docker/moby-format seccomp profiles ({@code archMap}, per-entry {@code includes} and
 * {@code excludes} by architecture, capability and minimum kernel, the deprecated {@code name})
 * into a plain OCI runtime-spec profile for one {@link DockerTarget}, following moby's
 * {@code setupSeccomp} rules.
 */
public final class DockerProfiles {
  private DockerProfiles() {}

  /** Flattens the profile in {@code file}. */
  public static SeccompSpec flatten(Path file, DockerTarget target) {
    try {
      return flatten(Files.readAllBytes(file), file.toString(), target, ParseLimits.defaults());
    } catch (IOException e) {
      throw new ProfileParseException(file.toString(), null, "", "cannot read file: " + e, e);
    }
  }

  /** Flattens the profile in {@code json}. */
  public static SeccompSpec flatten(String json, DockerTarget target) {
    return flatten(json.getBytes(StandardCharsets.UTF_8), "<string>", target, ParseLimits.defaults());
  }

  /** Flattens the profile in {@code bytes}; {@code source} names it in errors. */
  @SuppressWarnings("unchecked")
  public static SeccompSpec flatten(byte[] bytes, String source, DockerTarget target, ParseLimits limits) {
    List<@Nullable Object> docs = new TreeReader(limits).readAll(bytes, source);
    if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?> map)) {
      throw new ProfileParseException(source, null, "", "expected one JSON object");
    }
    Map<String, @Nullable Object> root = new LinkedHashMap<>((Map<String, @Nullable Object>) map);
    DocumentObject doc = DocumentObject.root(root, source, UnknownFieldPolicy.REJECT);
    SeccompArch nativeArch = target.seccompArch();

    // The flattened profile: everything but archMap, and syscalls rebuilt below.
    Map<String, @Nullable Object> plain = new LinkedHashMap<>();
    for (String key : List.of("defaultAction", "defaultErrnoRet", "architectures", "flags", "listenerPath", "listenerMetadata")) {
      if (root.containsKey(key)) {
        plain.put(key, doc.raw(key));
      }
    }
    List<DocumentObject> archMap = doc.objectList("archMap");
    if (!archMap.isEmpty() && plain.containsKey("architectures")) {
      throw doc.error("archMap", "'architectures' and 'archMap' are mutually exclusive");
    }
    List<String> architectures = new ArrayList<>();
    for (DocumentObject entry : archMap) {
      String arch = entry.requiredString("architecture");
      List<String> subs = entry.stringList("subArchitectures");
      entry.finish();
      if (arch.equals(nativeArch.wireName())) {
        architectures.add(arch);
        architectures.addAll(subs);
      }
    }
    if (!archMap.isEmpty()) {
      plain.put("architectures", architectures);
    }

    List<Object> syscalls = new ArrayList<>();
    for (DocumentObject entry : doc.objectList("syscalls")) {
      String name = entry.string("name");
      List<String> names = new ArrayList<>(entry.stringList("names"));
      if (name != null && !name.isEmpty()) {
        if (!names.isEmpty()) {
          throw entry.error("name", "'name' and 'names' were both given; use one of them");
        }
        names.add(name);
      }
      entry.string("comment");
      DocumentObject includes = entry.object("includes");
      DocumentObject excludes = entry.object("excludes");
      boolean keep = applies(includes, excludes, target);
      Map<String, @Nullable Object> plainEntry = new LinkedHashMap<>();
      plainEntry.put("names", names);
      plainEntry.put("action", entry.raw("action"));
      if (entry.has("errnoRet")) {
        plainEntry.put("errnoRet", entry.raw("errnoRet"));
      }
      if (entry.has("args")) {
        plainEntry.put("args", entry.raw("args"));
      }
      entry.finish();
      if (keep) {
        syscalls.add(plainEntry);
      }
    }
    plain.put("syscalls", syscalls);
    doc.finish();
    return SeccompSpecCodec.decode(
        DocumentObject.root(plain, source + " (flattened for " + target.arch() + ")", UnknownFieldPolicy.REJECT),
        SeccompSpecCodec.Dialect.RUNTIME);
  }

  private static boolean applies(@Nullable DocumentObject includes, @Nullable DocumentObject excludes, DockerTarget target) {
    boolean keep = true;
    if (excludes != null) {
      List<String> arches = excludes.stringList("arches");
      List<String> caps = excludes.stringList("caps");
      String minKernel = excludes.string("minKernel");
      excludes.finish();
      if (arches.contains(target.arch())) {
        keep = false;
      }
      if (caps.stream().map(DockerTarget::normalizeCapability).anyMatch(target.capabilities()::contains)) {
        keep = false;
      }
      if (minKernel != null && !minKernel.isEmpty() && kernelAtLeast(target, minKernel, excludes, "minKernel")) {
        keep = false;
      }
    }
    if (includes != null) {
      List<String> arches = includes.stringList("arches");
      List<String> caps = includes.stringList("caps");
      String minKernel = includes.string("minKernel");
      includes.finish();
      if (!arches.isEmpty() && !arches.contains(target.arch())) {
        keep = false;
      }
      if (!caps.stream().map(DockerTarget::normalizeCapability).allMatch(target.capabilities()::contains)) {
        keep = false;
      }
      if (minKernel != null && !minKernel.isEmpty() && !kernelAtLeast(target, minKernel, includes, "minKernel")) {
        keep = false;
      }
    }
    return keep;
  }

  private static boolean kernelAtLeast(DockerTarget target, String version, DocumentObject where, String key) {
    try {
      int[] v = DockerTarget.parseKernel(version);
      return target.kernelAtLeast(v[0], v[1]);
    } catch (IllegalArgumentException e) {
      throw where.error(key, e.getMessage());
    }
  }
}
