package dev.spo.seccomp;

import dev.spo.core.SpoException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A profile cannot be compiled as asked, before or without any libseccomp error: no default
 * action, an {@code errnoRet} crun rejects, an argument index outside 0..5, an architecture
 * libseccomp does not know, unknown syscalls in strict mode, a flag the runtime refuses.
 */
public final class SeccompCompileException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String profile;
  private final List<String> syscalls;

  /**
   * @param profile the profile being compiled, if known
   * @param syscalls the syscall names concerned (may be empty)
   * @param message what is wrong
   */
  public SeccompCompileException(@Nullable String profile, List<String> syscalls, String message) {
    super((profile == null ? "" : "profile " + profile + ": ") + message);
    this.profile = profile;
    this.syscalls = List.copyOf(syscalls);
  }

  /** The profile being compiled, if known. */
  public @Nullable String profile() {
    return profile;
  }

  /** The syscall names concerned; empty when the problem is not about particular syscalls. */
  public List<String> syscalls() {
    return syscalls;
  }
}
