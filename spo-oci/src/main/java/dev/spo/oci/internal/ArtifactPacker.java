package dev.spo.oci.internal;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.ArtifactException;
import dev.spo.oci.ArtifactFormat;
import dev.spo.oci.Descriptor;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.Platform;
import dev.spo.oci.PushRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns a {@link PushRequest} into blobs and a byte-stable manifest. */
public final class ArtifactPacker {
  /** The two bytes of the OCI empty config. */
  public static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.UTF_8);

  /** A blob to upload. */
  public record Blob(Descriptor descriptor, byte[] bytes) {}

  /** Blobs (config first) plus the manifest that references them. */
  public record Packed(List<Blob> blobs, byte[] manifest, String manifestDigest) {
    public Packed {
      blobs = List.copyOf(blobs);
    }
  }

  private final ProfileCodec codec;
  private final Function<String, @Nullable String> env;

  public ArtifactPacker(ProfileCodec codec, Function<String, @Nullable String> env) {
    this.codec = codec;
    this.env = env;
  }

  public Packed pack(PushRequest request, String reference) {
    Map<String, String> annotations = new LinkedHashMap<>(request.annotations());
    annotations.putIfAbsent(MediaTypes.ANNOTATION_CREATED, created(request, reference));
    return switch (request.format()) {
      case SPO -> packSpo(request, annotations, reference);
      case SECCOMP_RUNTIME -> packRuntime(request, annotations, reference);
    };
  }

  private Packed packSpo(PushRequest request, Map<String, String> annotations, String reference) {
    List<Blob> layers = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (PushRequest.Entry entry : request.entries()) {
      Platform platform = entry.platform();
      String title = platform == null ? MediaTypes.TITLE_PROFILE_YAML : platform.layerTitle();
      for (Blob existing : layers) {
        Platform other = existing.descriptor().platform();
        if (platform != null && other != null && platform.matches(other)) {
          throw invalid(reference, "two profiles for the same platform " + platform);
        }
      }
      if (!titles.add(title)) {
        throw invalid(reference, "two profiles for the layer " + title);
      }
      byte[] yaml = codec.toYaml(entry.profile()).getBytes(StandardCharsets.UTF_8);
      Descriptor d =
          new Descriptor(
              MediaTypes.SPO_LAYER,
              Digests.sha256(yaml),
              yaml.length,
              null,
              Map.of(MediaTypes.ANNOTATION_TITLE, title),
              platform);
      layers.add(new Blob(d, yaml));
    }
    // Sorted by title, as newer spoc does, so that the order profiles were given in does not
    // change the digest.
    layers.sort(Comparator.comparing(b -> b.descriptor().title()));
    Descriptor config = Descriptor.of(MediaTypes.OCI_EMPTY, MediaTypes.EMPTY_DIGEST, EMPTY_CONFIG.length);
    return finish(MediaTypes.SPO_ARTIFACT_TYPE, config, layers, annotations);
  }

  private Packed packRuntime(PushRequest request, Map<String, String> annotations, String reference) {
    if (request.entries().size() != 1) {
      throw invalid(reference, "the seccomp runtime format holds exactly one profile, got " + request.entries().size());
    }
    PushRequest.Entry entry = request.entries().get(0);
    if (entry.platform() != null) {
      throw invalid(reference, "the seccomp runtime format is platform-independent; push it without a platform");
    }
    Profile profile = entry.profile();
    if (!(profile instanceof SeccompProfile seccomp)) {
      throw invalid(reference, "the seccomp runtime format holds a SeccompProfile, got " + profile.kind());
    }
    byte[] json = codec.toRuntimeJson(seccomp.spec(), false).getBytes(StandardCharsets.UTF_8);
    Descriptor layer =
        new Descriptor(
            MediaTypes.JSON,
            Digests.sha256(json),
            json.length,
            null,
            Map.of(MediaTypes.ANNOTATION_TITLE, MediaTypes.TITLE_PROFILE_JSON),
            null);
    Descriptor config =
        Descriptor.of(MediaTypes.SECCOMP_RUNTIME_CONFIG, MediaTypes.EMPTY_DIGEST, EMPTY_CONFIG.length);
    return finish(MediaTypes.SECCOMP_RUNTIME_CONFIG, config, List.of(new Blob(layer, json)), annotations);
  }

  private static Packed finish(String artifactType, Descriptor config, List<Blob> layers, Map<String, String> annotations) {
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (Blob b : layers) {
      layerDescriptors.add(b.descriptor());
    }
    byte[] manifest = Manifests.writeManifest(artifactType, config, layerDescriptors, annotations);
    List<Blob> blobs = new ArrayList<>();
    blobs.add(new Blob(config, EMPTY_CONFIG));
    blobs.addAll(layers);
    return new Packed(blobs, manifest, Digests.sha256(manifest));
  }

  private String created(PushRequest request, String reference) {
    Instant created = request.created();
    if (created == null) {
      String epoch = env.apply("SOURCE_DATE_EPOCH");
      if (epoch != null && !epoch.isBlank()) {
        try {
          created = Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        } catch (NumberFormatException e) {
          throw invalid(reference, "SOURCE_DATE_EPOCH is not a number of seconds: " + epoch);
        }
      } else {
        created = Instant.EPOCH;
      }
    }
    return DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
  }

  private static ArtifactException invalid(String reference, String message) {
    return new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, reference, message);
  }
}
