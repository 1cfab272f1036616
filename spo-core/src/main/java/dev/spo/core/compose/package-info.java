/**
 * Composition of seccomp profiles from their base profiles ({@code baseProfileName}), merge
 * strategies (union, intersect, append) and differences between profiles. Base profiles are found
 * through {@link dev.spo.core.compose.BaseProfileResolver}s.
 */
@NullMarked
package dev.spo.core.compose;

import org.jspecify.annotations.NullMarked;
