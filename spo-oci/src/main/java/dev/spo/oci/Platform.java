package dev.spo.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OCI platform ({@code os}, {@code architecture}, optional {@code variant} and {@code
 * os.version}) as it appears on index entries and on SPO layer descriptors.
 *
 * <p>{@link #matches} compares like SPO's newer selector: equal OS, architecture and OS version,
 * and equal variant after normalization ({@code arm64}: {@code v8} equals none; {@code arm}: none
 * equals {@code v7}; {@code amd64}: {@code v1} equals none).
 *
 * @param os operating system, e.g. {@code linux}
 * @param architecture GOARCH-style architecture, e.g. {@code amd64}, {@code arm64}
 * @param variant CPU variant, e.g. {@code v7}; null when not given
 * @param osVersion OS version; null when not given
 */
public record Platform(String os, String architecture, @Nullable String variant, @Nullable String osVersion) {

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    if (os.isEmpty() || architecture.isEmpty()) {
      throw new IllegalArgumentException("platform needs an os and an architecture");
    }
    variant = variant == null || variant.isEmpty() ? null : variant;
    osVersion = osVersion == null || osVersion.isEmpty() ? null : osVersion;
  }

  /** A platform without OS version. */
  public static Platform of(String os, String architecture, @Nullable String variant) {
    return new Platform(os, architecture, variant, null);
  }

  /** A platform without variant and OS version. */
  public static Platform of(String os, String architecture) {
    return new Platform(os, architecture, null, null);
  }

  /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm/v7}. */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("platform must be os/arch[/variant]: " + text);
    }
    return of(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /**
   * The platform of this JVM's host as the Security Profiles Operator asks for it: Linux and the
   * GOARCH name of {@code os.arch}, without variant.
   */
  public static Platform current() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String goArch =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i486", "i586", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          default -> arch.startsWith("arm") ? "arm" : arch;
        };
    return of("linux", goArch);
  }

  /** The variant after normalization; null stands for "the architecture's default". */
  public @Nullable String normalizedVariant() {
    String v = variant == null ? null : variant.toLowerCase(Locale.ROOT);
    return switch (architecture) {
      case "arm64" -> "v8".equals(v) ? null : v;
      case "arm" -> v == null ? "v7" : v;
      case "amd64" -> "v1".equals(v) ? null : v;
      default -> v;
    };
  }

  /** Whether both name the same platform, with variant normalization. */
  public boolean matches(Platform other) {
    return os.equals(other.os)
        && architecture.equals(other.architecture)
        && Objects.equals(osVersion, other.osVersion)
        && Objects.equals(normalizedVariant(), other.normalizedVariant());
  }

  /**
   * The SPO layer title for this platform: {@code profile-<os>-<arch>[-<variant>][-<osVersion>].yaml}.
   */
  public String layerTitle() {
    StringBuilder sb = new StringBuilder("profile-").append(os).append('-').append(architecture);
    if (variant != null) {
      sb.append('-').append(variant);
    }
    if (osVersion != null) {
      sb.append('-').append(osVersion);
    }
    return sb.append(".yaml").toString();
  }

  /**
   * Layer titles that name this platform, for lookups by title: the title of this platform and of
   * its variant-equivalent spellings (e.g. {@code profile-linux-arm64.yaml} and {@code
   * profile-linux-arm64-v8.yaml}).
   */
  public List<String> equivalentLayerTitles() {
    List<String> titles = new ArrayList<>();
    titles.add(layerTitle());
    for (String v : new String[] {null, "v1", "v7", "v8"}) {
      Platform p = new Platform(os, architecture, v, osVersion);
      if (p.matches(this) && !titles.contains(p.layerTitle())) {
        titles.add(p.layerTitle());
      }
    }
    return List.copyOf(titles);
  }

  /** {@code os/arch[/variant]}, plus {@code (os.version X)} when set. */
  @Override
  public String toString() {
    String s = os + "/" + architecture + (variant == null ? "" : "/" + variant);
    return osVersion == null ? s : s + " (os.version " + osVersion + ")";
  }
}
