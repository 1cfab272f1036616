package dev.spo.oci;

/** How a profile is packed into an OCI artifact. */
public enum ArtifactFormat {
  /**
   * What {@code spoc push} writes: one image manifest, {@code artifactType} {@value
   * MediaTypes#SPO_ARTIFACT_TYPE}, empty config, one profile YAML layer per platform.
   */
  SPO,
  /**
   * KEP-6061: config media type and {@code artifactType} {@value MediaTypes#SECCOMP_RUNTIME_CONFIG},
   * exactly one {@code application/json} layer with the runtime-spec {@code LinuxSeccomp} object.
   */
  SECCOMP_RUNTIME
}
