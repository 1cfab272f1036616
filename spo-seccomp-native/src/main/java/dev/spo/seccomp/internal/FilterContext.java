package dev.spo.seccomp.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.spo.seccomp.SeccompNativeException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One {@code scmp_filter_ctx}, owned by one compilation. Not thread-safe (libseccomp contexts have
 * no locking); {@link #close()} releases it and is idempotent.
 */
public final class FilterContext implements AutoCloseable {
  private final Libseccomp lib;
  private final @Nullable String profile;
  private @Nullable Pointer ctx;

  FilterContext(Libseccomp lib, Pointer ctx, @Nullable String profile) {
    this.lib = lib;
    this.ctx = ctx;
    this.profile = profile;
  }

  private Pointer ctx() {
    Pointer p = ctx;
    if (p == null) {
      throw new IllegalStateException("filter context already released");
    }
    return p;
  }

  /** {@code seccomp_attr_set}, throwing on failure. */
  public void setAttribute(int attr, int value, String attrName) {
    int rc = lib.api().seccomp_attr_set(ctx(), attr, value);
    if (rc < 0) {
      throw new SeccompNativeException("seccomp_attr_set", -rc, profile, null, null,
          "cannot set " + attrName + " to " + value);
    }
  }

  /** {@code seccomp_arch_add}; returns the raw rc (0, -EEXIST, -EDOM, ...) so callers decide. */
  public int addArch(int token) {
    return lib.api().seccomp_arch_add(ctx(), token);
  }

  /** {@code seccomp_arch_remove}; returns the raw rc. */
  public int removeArch(int token) {
    return lib.api().seccomp_arch_remove(ctx(), token);
  }

  /** {@code seccomp_rule_add_array} with conditions given column-wise; returns the raw rc. */
  public int addRule(int action, int syscall, int[] index, int[] op, long[] datumA, long[] datumB) {
    Memory args = Libseccomp.argArray(index, op, datumA, datumB);
    return lib.api().seccomp_rule_add_array(ctx(), action, syscall, index.length, args);
  }

  /** {@code seccomp_export_bpf}: the program in the filter's byte order. */
  public byte[] exportBpf() {
    Pointer c = ctx();
    return lib.export("seccomp_export_bpf", fd -> lib.api().seccomp_export_bpf(c, fd), profile);
  }

  /** {@code seccomp_export_pfc}: libseccomp's pseudo-filter-code listing. */
  public String exportPfc() {
    Pointer c = ctx();
    return new String(lib.export("seccomp_export_pfc", fd -> lib.api().seccomp_export_pfc(c, fd), profile),
        StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    Pointer p = ctx;
    if (p != null) {
      ctx = null;
      lib.api().seccomp_release(p);
    }
  }
}
