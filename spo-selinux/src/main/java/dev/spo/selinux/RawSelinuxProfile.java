package dev.spo.selinux;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A RawSelinuxProfile object: hand-written CIL that SPO wraps in a block named after the profile.
 *
 * @param metadata object metadata
 * @param spec the profile specification
 * @param status the status written by the operator, if the document has one
 */
public record RawSelinuxProfile(ObjectMeta metadata, RawSelinuxSpec spec, @Nullable SelinuxStatus status)
    implements Profile {
  /** The kind name. */
  public static final String KIND = "RawSelinuxProfile";

  /** Longest {@code spec.policy} the v1 API accepts, in characters. */
  public static final int MAX_POLICY_LENGTH = 500_000;

  public RawSelinuxProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  /** A profile without status. */
  public static RawSelinuxProfile of(String name, String policy) {
    return new RawSelinuxProfile(ObjectMeta.named(name), new RawSelinuxSpec(null, policy), null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The CIL block name: {@code metadata.name}. */
  public String policyName() {
    return metadata.name();
  }

  /** The SELinux type pods run as: {@code <policyName>.process}. */
  public String usage() {
    return policyName() + ".process";
  }
}
