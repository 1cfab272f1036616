/**
 * Reading and writing profiles: {@link dev.spo.core.codec.ProfileCodec} for SPO documents (YAML
 * and JSON, multi-document) and OCI runtime-spec seccomp JSON, {@link dev.spo.core.codec.DockerProfiles}
 * for flattening Docker/moby profiles, {@link dev.spo.core.codec.ParseLimits} for the bounds
 * applied to untrusted input, and {@link dev.spo.core.codec.ProfileFiles} for atomic writes.
 */
@NullMarked
package dev.spo.core.codec;

import org.jspecify.annotations.NullMarked;
