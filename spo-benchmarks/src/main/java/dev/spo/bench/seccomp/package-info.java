/** Benchmarks of spo-seccomp-native: profile compilation through JNA against the same calls from C. */
@NullMarked
package dev.spo.bench.seccomp;

import org.jspecify.annotations.NullMarked;
