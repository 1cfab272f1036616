package dev.spo.selinux;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SelinuxProfile object: allow rules on top of inherited templates and profiles, translated to
 * a CIL block by {@link CilTranslator}.
 *
 * @param metadata object metadata
 * @param spec the profile specification
 * @param status the status written by the operator, if the document has one
 */
public record SelinuxProfile(ObjectMeta metadata, SelinuxSpec spec, @Nullable SelinuxStatus status)
    implements Profile {
  /** The kind name. */
  public static final String KIND = "SelinuxProfile";

  public SelinuxProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  /** A profile without status. */
  public static SelinuxProfile of(String name, SelinuxSpec spec) {
    return new SelinuxProfile(ObjectMeta.named(name), spec, null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The CIL block name: {@code metadata.name} (SPO v0.9.0 and later, cluster-scoped). */
  public String policyName() {
    return metadata.name();
  }

  /** The SELinux type pods run as: {@code <policyName>.process}. */
  public String usage() {
    return policyName() + ".process";
  }

  /** A copy with another spec. */
  public SelinuxProfile withSpec(SelinuxSpec newSpec) {
    return new SelinuxProfile(metadata, newSpec, status);
  }
}
