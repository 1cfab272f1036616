/**
 * AssertJ assertions on what seccomp profiles and compiled filters do, per architecture and
 * syscall: start at {@link dev.spo.testing.SeccompAssertions#assertThat(dev.spo.core.seccomp.SeccompProfile)}.
 * Verdicts come from the real compiler (libseccomp) and the pure-Java BPF emulator.
 */
@NullMarked
package dev.spo.testing;

import org.jspecify.annotations.NullMarked;
