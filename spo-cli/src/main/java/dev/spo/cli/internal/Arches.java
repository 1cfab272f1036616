package dev.spo.cli.internal;

import dev.spo.core.seccomp.SeccompArch;
import java.util.Locale;
import java.util.Map;

/** Architecture names as users type them: Go names, kernel names or SPO's SCMP_ARCH_ names. */
public final class Arches {
  private static final Map<String, SeccompArch> ALIASES = Map.ofEntries(
      Map.entry("amd64", SeccompArch.X86_64),
      Map.entry("x86-64", SeccompArch.X86_64),
      Map.entry("386", SeccompArch.X86),
      Map.entry("i386", SeccompArch.X86),
      Map.entry("i686", SeccompArch.X86),
      Map.entry("arm64", SeccompArch.AARCH64),
      Map.entry("ppc64el", SeccompArch.PPC64LE),
      Map.entry("mips64le", SeccompArch.MIPSEL64),
      Map.entry("mipsle", SeccompArch.MIPSEL));

  private Arches() {}

  /** {@code x86_64}, {@code amd64} and {@code SCMP_ARCH_X86_64} all name {@link SeccompArch#X86_64}. */
  public static SeccompArch parse(String text) {
    String t = text.trim();
    SeccompArch wire = SeccompArch.fromWireName(t.toUpperCase(Locale.ROOT));
    if (wire != null) {
      return wire;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    SeccompArch alias = ALIASES.get(lower);
    if (alias != null) {
      return alias;
    }
    if (lower.equals("native")) {
      return SeccompArch.NATIVE;
    }
    try {
      return SeccompArch.valueOf(lower.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw CliException.usage("unknown architecture '" + text + "' (e.g. x86_64, amd64, aarch64, arm64, SCMP_ARCH_X86_64)");
    }
  }

  private static final Map<SeccompArch, String> GO_NAMES = Map.ofEntries(
      Map.entry(SeccompArch.X86, "386"),
      Map.entry(SeccompArch.X86_64, "amd64"),
      Map.entry(SeccompArch.ARM, "arm"),
      Map.entry(SeccompArch.AARCH64, "arm64"),
      Map.entry(SeccompArch.MIPS, "mips"),
      Map.entry(SeccompArch.MIPS64, "mips64"),
      Map.entry(SeccompArch.MIPSEL64, "mips64le"),
      Map.entry(SeccompArch.MIPSEL, "mipsle"),
      Map.entry(SeccompArch.PPC, "ppc"),
      Map.entry(SeccompArch.PPC64, "ppc64"),
      Map.entry(SeccompArch.PPC64LE, "ppc64le"),
      Map.entry(SeccompArch.RISCV64, "riscv64"),
      Map.entry(SeccompArch.S390, "s390"),
      Map.entry(SeccompArch.S390X, "s390x"));

  /**
   * The Go name Docker profiles use ({@code amd64} for {@code x86_64}), for any spelling
   * {@link #parse} accepts; Go names pass through unchanged.
   */
  public static String goName(String text) {
    SeccompArch a = parse(text);
    String go = GO_NAMES.get(a);
    if (go == null) {
      throw CliException.usage("Docker profiles have no architecture for '" + text + "'");
    }
    return go;
  }

  /** The short lower-case name, e.g. {@code x86_64}. */
  public static String shortName(SeccompArch arch) {
    return arch.name().toLowerCase(Locale.ROOT);
  }
}
