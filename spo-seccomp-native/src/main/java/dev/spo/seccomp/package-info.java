/**
 * Compiles seccomp profiles to BPF with libseccomp: {@link dev.spo.seccomp.SeccompCompiler} turns a
 * {@link dev.spo.core.seccomp.SeccompProfile} into a {@link dev.spo.seccomp.CompiledFilter} with
 * runc's semantics by default ({@link dev.spo.seccomp.CompileOptions} selects crun parity, the
 * optimizer, target architectures and the runc ENOSYS stub); {@link dev.spo.seccomp.SyscallTable}
 * maps syscall names and numbers per architecture. libseccomp 2.5 or newer ({@code libseccomp.so.2})
 * is loaded lazily through JNA on first use; the pure-Java BPF toolkit is in
 * {@link dev.spo.seccomp.bpf}.
 */
@NullMarked
package dev.spo.seccomp;

import org.jspecify.annotations.NullMarked;
