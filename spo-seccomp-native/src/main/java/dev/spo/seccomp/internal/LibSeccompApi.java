package dev.spo.seccomp.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * libseccomp 2.5.4 functions, mapped by name (prototypes from {@code seccomp.h}). {@code uint32_t}
 * values travel as Java {@code int} bit patterns; functions returning {@code int} return 0 or a
 * negative errno.
 */
interface LibSeccompApi extends Library {
  /** {@code const struct scmp_version *}: three {@code unsigned int}, static storage. */
  Pointer seccomp_version();

  int seccomp_api_get();

  int seccomp_api_set(int level);

  Pointer seccomp_init(int defAction);

  void seccomp_release(Pointer ctx);

  int seccomp_arch_resolve_name(String name);

  int seccomp_arch_native();

  int seccomp_arch_add(Pointer ctx, int archToken);

  int seccomp_arch_remove(Pointer ctx, int archToken);

  int seccomp_attr_set(Pointer ctx, int attr, int value);

  int seccomp_syscall_resolve_name(String name);

  int seccomp_syscall_resolve_name_arch(int archToken, String name);

  /** Returns a {@code malloc}'d string the caller must {@code free}, or NULL. */
  Pointer seccomp_syscall_resolve_num_arch(int archToken, int nr);

  /** {@code args} points to {@code argCnt} contiguous {@code struct scmp_arg_cmp} (24 bytes each), or NULL. */
  int seccomp_rule_add_array(Pointer ctx, int action, int syscall, int argCnt, Pointer args);

  int seccomp_export_bpf(Pointer ctx, int fd);

  int seccomp_export_pfc(Pointer ctx, int fd);
}
