package dev.spo.seccomp.internal;

import dev.spo.core.seccomp.SeccompArch;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Architecture facts the translation needs besides libseccomp: the {@code SCMP_ARCH_*} token of
 * each model architecture (used only to name arches in results and to group the ENOSYS stub; the
 * compiler asks libseccomp to resolve names), and the {@code AUDIT_ARCH_*} value the kernel
 * reports. Tokens are the stable {@code AUDIT_ARCH_*} ABI values, except x32 which is
 * libseccomp's own.
 */
public final class Arches {
  /** {@code SCMP_ARCH_X32}: libseccomp-only; x32 tasks report {@code AUDIT_ARCH_X86_64} with bit 30 in nr. */
  public static final int X32_TOKEN = 0x4000003e;
  /** {@code AUDIT_ARCH_X86_64}. */
  public static final int X86_64_TOKEN = 0xc000003e;

  private static final Map<SeccompArch, Integer> TOKENS = new EnumMap<>(SeccompArch.class);

  static {
    TOKENS.put(SeccompArch.X86, 0x40000003);
    TOKENS.put(SeccompArch.X86_64, X86_64_TOKEN);
    TOKENS.put(SeccompArch.X32, X32_TOKEN);
    TOKENS.put(SeccompArch.ARM, 0x40000028);
    TOKENS.put(SeccompArch.AARCH64, 0xc00000b7);
    TOKENS.put(SeccompArch.MIPS, 0x00000008);
    TOKENS.put(SeccompArch.MIPS64, 0x80000008);
    TOKENS.put(SeccompArch.MIPS64N32, 0xa0000008);
    TOKENS.put(SeccompArch.MIPSEL, 0x40000008);
    TOKENS.put(SeccompArch.MIPSEL64, 0xc0000008);
    TOKENS.put(SeccompArch.MIPSEL64N32, 0xe0000008);
    TOKENS.put(SeccompArch.PPC, 0x00000014);
    TOKENS.put(SeccompArch.PPC64, 0x80000015);
    TOKENS.put(SeccompArch.PPC64LE, 0xc0000015);
    TOKENS.put(SeccompArch.S390, 0x00000016);
    TOKENS.put(SeccompArch.S390X, 0x80000016);
    TOKENS.put(SeccompArch.PARISC, 0x0000000f);
    TOKENS.put(SeccompArch.PARISC64, 0x8000000f);
    TOKENS.put(SeccompArch.RISCV64, 0xc00000f3);
  }

  private Arches() {}

  /** libseccomp's name for an architecture ({@code SCMP_ARCH_X86_64} → {@code x86_64}), the way crun resolves it. */
  public static String libseccompName(SeccompArch arch) {
    return arch.wireName().substring("SCMP_ARCH_".length()).toLowerCase(Locale.ROOT);
  }

  /** The token of a concrete architecture; 0 for NATIVE. */
  public static int token(SeccompArch arch) {
    Integer t = TOKENS.get(arch);
    return t == null ? 0 : t;
  }

  /** The architecture for a token, or null when unknown. */
  public static @Nullable SeccompArch fromToken(int token) {
    for (Map.Entry<SeccompArch, Integer> e : TOKENS.entrySet()) {
      if (e.getValue() == token) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The {@code AUDIT_ARCH_*} value the kernel puts in {@code seccomp_data.arch} for this token. */
  public static int auditArch(int token) {
    return token == X32_TOKEN ? X86_64_TOKEN : token;
  }

  /** Byte order of a token ({@code __AUDIT_ARCH_LE} is bit 30). */
  public static ByteOrder byteOrder(int token) {
    return (token & 0x40000000) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }
}
