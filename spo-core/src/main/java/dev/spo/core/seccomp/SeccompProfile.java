package dev.spo.core.seccomp;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SeccompProfile object.
 *
 * @param metadata object metadata
 * @param spec the profile specification
 * @param status the status written by the operator, if the document has one
 */
public record SeccompProfile(ObjectMeta metadata, SeccompSpec spec, @Nullable SeccompStatus status)
    implements Profile {
  /** The kind name. */
  public static final String KIND = "SeccompProfile";

  public SeccompProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  /** A profile without status. */
  public static SeccompProfile of(String name, SeccompSpec spec) {
    return new SeccompProfile(ObjectMeta.named(name), spec, null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** A copy with another spec. */
  public SeccompProfile withSpec(SeccompSpec newSpec) {
    return new SeccompProfile(metadata, newSpec, status);
  }

  /** A copy with other metadata. */
  public SeccompProfile withMetadata(ObjectMeta newMetadata) {
    return new SeccompProfile(newMetadata, spec, status);
  }
}
