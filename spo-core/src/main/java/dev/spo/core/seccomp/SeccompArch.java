package dev.spo.core.seccomp;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Seccomp architectures of SPO's CRD (the 20 values its enum allows). */
public enum SeccompArch {
  NATIVE("SCMP_ARCH_NATIVE", Endianness.HOST),
  X86("SCMP_ARCH_X86", Endianness.LITTLE),
  X86_64("SCMP_ARCH_X86_64", Endianness.LITTLE),
  X32("SCMP_ARCH_X32", Endianness.LITTLE),
  ARM("SCMP_ARCH_ARM", Endianness.LITTLE),
  AARCH64("SCMP_ARCH_AARCH64", Endianness.LITTLE),
  MIPS("SCMP_ARCH_MIPS", Endianness.BIG),
  MIPS64("SCMP_ARCH_MIPS64", Endianness.BIG),
  MIPS64N32("SCMP_ARCH_MIPS64N32", Endianness.BIG),
  MIPSEL("SCMP_ARCH_MIPSEL", Endianness.LITTLE),
  MIPSEL64("SCMP_ARCH_MIPSEL64", Endianness.LITTLE),
  MIPSEL64N32("SCMP_ARCH_MIPSEL64N32", Endianness.LITTLE),
  PPC("SCMP_ARCH_PPC", Endianness.BIG),
  PPC64("SCMP_ARCH_PPC64", Endianness.BIG),
  PPC64LE("SCMP_ARCH_PPC64LE", Endianness.LITTLE),
  S390("SCMP_ARCH_S390", Endianness.BIG),
  S390X("SCMP_ARCH_S390X", Endianness.BIG),
  PARISC("SCMP_ARCH_PARISC", Endianness.BIG),
  PARISC64("SCMP_ARCH_PARISC64", Endianness.BIG),
  RISCV64("SCMP_ARCH_RISCV64", Endianness.LITTLE);

  /** Byte order of an architecture; {@code HOST} for {@code SCMP_ARCH_NATIVE}. */
  public enum Endianness {
    LITTLE,
    BIG,
    HOST
  }

  private static final Map<String, SeccompArch> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(SeccompArch::wireName, Function.identity()));

  private final String wireName;
  private final Endianness endianness;

  SeccompArch(String wireName, Endianness endianness) {
    this.wireName = wireName;
    this.endianness = endianness;
  }

  /** The spelling used in YAML and JSON, e.g. {@code SCMP_ARCH_X86_64}. */
  public String wireName() {
    return wireName;
  }

  /** The byte order of this architecture. */
  public Endianness endianness() {
    return endianness;
  }

  /** The architecture for a wire name, or null when the name is unknown. */
  public static @Nullable SeccompArch fromWireName(String name) {
    return BY_WIRE.get(name);
  }
}
