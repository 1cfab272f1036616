/**
 * Pure-Java toolkit for seccomp classic BPF programs: {@link dev.spo.seccomp.bpf.BpfProgram} parses
 * and validates a program with the kernel's seccomp checker rules, disassembles it and evaluates it
 * for a given {@code seccomp_data}. Nothing here needs libseccomp or native code.
 */
@NullMarked
package dev.spo.seccomp.bpf;

import org.jspecify.annotations.NullMarked;
