/**
 * Composition of seccomp profiles from their base profiles ({@code baseProfileName}), merge
 * strategies (union, intersect, append) and differences between profiles.
 *
 * <p>{@link dev.spo.core.compose.ProfileComposer} follows a base chain through a
 * {@link dev.spo.core.compose.BaseProfileResolver} (in memory, a directory, {@code oci://} from
 * spo-oci, or several combined with {@link dev.spo.core.compose.Resolvers#chain}) and merges the
 * rules with a {@link dev.spo.core.compose.MergeStrategy}; {@link dev.spo.core.compose.SyscallMerger}
 * exposes the merge on its own and {@link dev.spo.core.compose.ProfileDiff} compares two profiles.
 */
@NullMarked
package dev.spo.core.compose;

import org.jspecify.annotations.NullMarked;
