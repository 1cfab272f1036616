package dev.spo.core.codec;

import dev.spo.core.seccomp.SeccompArch;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine a Docker/moby-format profile is flattened for: the native architecture (Go
 * spelling, e.g. {@code amd64}), the capability bounding set, and the kernel version.
 *
 * @param arch native architecture as Go names it ({@code amd64}, {@code arm64}, {@code s390x}, ...)
 * @param capabilities capability names with the {@code CAP_} prefix, upper case
 * @param kernelMajor kernel major version
 * @param kernelMinor kernel minor version
 */
public record DockerTarget(String arch, Set<String> capabilities, int kernelMajor, int kernelMinor) {
  /** The 14 capabilities Docker grants a container by default. */
  public static final Set<String> DOCKER_DEFAULT_CAPABILITIES =
      Set.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FSETID",
          "CAP_FOWNER",
          "CAP_MKNOD",
          "CAP_NET_RAW",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETFCAP",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_KILL",
          "CAP_AUDIT_WRITE");

  // moby maps Go architecture names to libseccomp's native names, then to SCMP_ARCH_*.
  static final Map<String, SeccompArch> GO_ARCH_TO_SECCOMP = Map.ofEntries(
      Map.entry("386", SeccompArch.X86),
      Map.entry("amd64", SeccompArch.X86_64),
      Map.entry("arm", SeccompArch.ARM),
      Map.entry("arm64", SeccompArch.AARCH64),
      Map.entry("mips", SeccompArch.MIPS),
      Map.entry("mips64", SeccompArch.MIPS64),
      Map.entry("mips64le", SeccompArch.MIPSEL64),
      Map.entry("mipsle", SeccompArch.MIPSEL),
      Map.entry("ppc", SeccompArch.PPC),
      Map.entry("ppc64", SeccompArch.PPC64),
      Map.entry("ppc64le", SeccompArch.PPC64LE),
      Map.entry("riscv64", SeccompArch.RISCV64),
      Map.entry("s390", SeccompArch.S390),
      Map.entry("s390x", SeccompArch.S390X));

  private static final Pattern KERNEL = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:[.\\-+].*)?");

  public DockerTarget {
    Objects.requireNonNull(arch, "arch");
    if (!GO_ARCH_TO_SECCOMP.containsKey(arch)) {
      throw new IllegalArgumentException(
          "unknown architecture '" + arch + "' (Go names: "
              + String.join(", ", GO_ARCH_TO_SECCOMP.keySet().stream().sorted().toList()) + ")");
    }
    Set<String> normalized = new TreeSet<>();
    for (String cap : capabilities) {
      normalized.add(normalizeCapability(cap));
    }
    capabilities = Set.copyOf(normalized);
    if (kernelMajor < 0 || kernelMinor < 0) {
      throw new IllegalArgumentException("kernel version must not be negative");
    }
  }

  /** Docker's default capabilities on the given architecture and kernel ({@code "6.1"}). */
  public static DockerTarget dockerDefaults(String arch, String kernel) {
    int[] version = parseKernel(kernel);
    return new DockerTarget(arch, DOCKER_DEFAULT_CAPABILITIES, version[0], version[1]);
  }

  /** A target with the given capabilities ({@code CAP_} prefix optional, any case). */
  public static DockerTarget of(String arch, Set<String> capabilities, String kernel) {
    int[] version = parseKernel(kernel);
    return new DockerTarget(arch, capabilities, version[0], version[1]);
  }

  /** Parses {@code major.minor[...]}; only major and minor count, as in moby. */
  public static int[] parseKernel(String kernel) {
    Matcher m = KERNEL.matcher(kernel.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("kernel version '" + kernel + "' is not of the form MAJOR.MINOR");
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** {@code sys_admin} and {@code CAP_SYS_ADMIN} both become {@code CAP_SYS_ADMIN}. */
  public static String normalizeCapability(String cap) {
    String upper = cap.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper : "CAP_" + upper;
  }

  /** The libseccomp architecture of {@link #arch()}. */
  public SeccompArch seccompArch() {
    return GO_ARCH_TO_SECCOMP.get(arch);
  }

  /** Whether the target kernel is at least {@code major.minor}. */
  public boolean kernelAtLeast(int major, int minor) {
    return kernelMajor > major || (kernelMajor == major && kernelMinor >= minor);
  }
}
