package dev.spo.oci.internal;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.SpoException;
import dev.spo.oci.ArtifactException;
import dev.spo.oci.ArtifactFormat;
import dev.spo.oci.ContentReader;
import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciLimits;
import dev.spo.oci.Platform;
import dev.spo.oci.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Picks the profile for a platform out of a pinned manifest or index, following newer SPO's
 * selector: index entry by platform; runtime format first; then a layer whose platform matches,
 * a platform-less layer titled for the platform, {@code profile.yaml}, {@code profile.json}, and
 * finally a single layer not bound to another platform.
 */
public final class ArtifactSelector {
  private static final Pattern PLATFORM_TITLE = Pattern.compile("^profile-.+\\.yaml$");

  /** The selected profile. */
  public record Selection(
      Profile profile, String manifestDigest, String layerDigest, @Nullable Platform platform, ArtifactFormat format) {}

  private final ProfileCodec codec;

  public ArtifactSelector(ProfileCodec codec) {
    this.codec = codec;
  }

  /**
   * Selects and decodes the profile.
   *
   * @param root the manifest or index the reference resolved to (already verified)
   * @param profileName name for runtime-format profiles (from the repository)
   */
  public Selection select(
      ContentReader content, String reference, ManifestContent root, Platform platform, OciLimits limits, String profileName) {
    ManifestContent manifest = root;
    Platform chosenPlatform = null;
    String ref = reference + "@" + root.digest();
    Map<String, @Nullable Object> doc = Json.readObject(root.bytes(), ref);
    if (Manifests.isIndex(root.mediaType())) {
      List<Descriptor> entries = Manifests.parseIndex(doc, ref, limits);
      Descriptor entry = pickIndexEntry(entries, platform, ref);
      if (Manifests.isIndex(entry.mediaType())) {
        throw new ArtifactException(ArtifactException.Reason.INVALID_ARTIFACT, ref, "nested image indexes are not supported");
      }
      if (entry.size() > limits.maxManifestBytes()) {
        throw tooLarge(ref, entry, limits.maxManifestBytes());
      }
      manifest =
          content
              .manifest(entry.digest(), limits.maxManifestBytes())
              .orElseThrow(
                  () ->
                      new RegistryException(
                          RegistryException.Reason.NOT_FOUND, reference + "@" + entry.digest(), 404, null, "index entry not found"));
      chosenPlatform = entry.platform();
      ref = reference + "@" + manifest.digest();
      doc = Json.readObject(manifest.bytes(), ref);
    }
    if (!Manifests.isManifest(manifest.mediaType())) {
      throw new ArtifactException(
          ArtifactException.Reason.INVALID_ARTIFACT, ref, "not an image manifest or index: " + manifest.mediaType());
    }
    Manifests.ImageManifest m = Manifests.parseManifest(doc, ref, limits);
    boolean runtime =
        MediaTypes.SECCOMP_RUNTIME_CONFIG.equals(m.config().mediaType())
            || MediaTypes.SECCOMP_RUNTIME_CONFIG.equals(m.artifactType());
    Descriptor layer;
    if (runtime) {
      if (m.layers().size() != 1) {
        throw new ArtifactException(
            ArtifactException.Reason.INVALID_ARTIFACT,
            ref,
            "a seccomp runtime-format artifact must have exactly one layer, found " + m.layers().size());
      }
      layer = m.layers().get(0);
    } else {
      layer = pickLayer(m.layers(), platform, ref);
    }
    if (layer.size() > limits.maxBlobBytes()) {
      throw tooLarge(ref, layer, limits.maxBlobBytes());
    }
    byte[] bytes = content.blob(layer.digest(), limits.maxBlobBytes());
    String source = reference + "@" + layer.digest();
    Profile profile;
    try {
      if (runtime) {
        profile = SeccompProfile.of(profileName, codec.readRuntimeSeccomp(bytes, source));
      } else {
        profile = codec.readDetected(bytes, source, profileName);
      }
    } catch (SpoException e) {
      throw new ArtifactException(
          ArtifactException.Reason.INVALID_PROFILE, ref, "layer " + layer.digest() + " is not a profile: " + e.getMessage(), List.of(), e);
    }
    Platform layerPlatform = layer.platform() != null ? layer.platform() : chosenPlatform;
    return new Selection(
        profile, manifest.digest(), layer.digest(), layerPlatform, runtime ? ArtifactFormat.SECCOMP_RUNTIME : ArtifactFormat.SPO);
  }

  private static Descriptor pickIndexEntry(List<Descriptor> entries, Platform platform, String ref) {
    for (Descriptor d : entries) {
      if (d.platform() != null && d.platform().matches(platform)) {
        return d;
      }
    }
    if (entries.size() == 1 && entries.get(0).platform() == null) {
      return entries.get(0);
    }
    List<String> available = new ArrayList<>();
    for (Descriptor d : entries) {
      available.add(d.platform() == null ? "(no platform) " + d.digest() : d.platform().toString());
    }
    throw noMatch(ref, platform, available, "the image index has no manifest");
  }

  private static Descriptor pickLayer(List<Descriptor> layers, Platform platform, String ref) {
    for (Descriptor d : layers) {
      if (d.platform() != null && d.platform().matches(platform)) {
        return d;
      }
    }
    List<String> titles = platform.equivalentLayerTitles();
    for (Descriptor d : layers) {
      if (d.platform() == null && d.title() != null && titles.contains(d.title())) {
        return d;
      }
    }
    for (String fallback : List.of(MediaTypes.TITLE_PROFILE_YAML, MediaTypes.TITLE_PROFILE_JSON)) {
      for (Descriptor d : layers) {
        if (d.platform() == null && fallback.equals(d.title())) {
          return d;
        }
      }
    }
    if (layers.size() == 1) {
      Descriptor only = layers.get(0);
      boolean bound = only.platform() != null || (only.title() != null && PLATFORM_TITLE.matcher(only.title()).matches());
      if (!bound) {
        return only;
      }
    }
    List<String> available = new ArrayList<>();
    for (Descriptor d : layers) {
      if (d.platform() != null) {
        available.add(d.platform().toString());
      } else {
        available.add(d.title() == null ? "(untitled layer " + d.digest() + ")" : d.title());
      }
    }
    throw noMatch(ref, platform, available, "the artifact has no profile layer");
  }

  private static ArtifactException noMatch(String ref, Platform platform, List<String> available, String what) {
    return new ArtifactException(
        ArtifactException.Reason.NO_MATCHING_PLATFORM,
        ref,
        what + " for platform " + platform + " and no platform-independent profile.yaml/profile.json; available: "
            + (available.isEmpty() ? "(none)" : String.join(", ", available)),
        available,
        null);
  }

  private static RegistryException tooLarge(String ref, Descriptor d, long max) {
    return new RegistryException(
        RegistryException.Reason.TOO_LARGE,
        ref,
        -1,
        null,
        d.digest() + " declares " + d.size() + " bytes, more than the limit of " + max + " bytes");
  }

  /** SPO's name for runtime-format profiles: the last reference segment, sanitized to {@code [a-z0-9.-]}. */
  public static String profileName(String lastSegment) {
    String s = lastSegment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    return s.isEmpty() ? "profile" : s;
  }
}
