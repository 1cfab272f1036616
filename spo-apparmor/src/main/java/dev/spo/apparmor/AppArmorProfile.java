package dev.spo.apparmor;

import dev.spo.core.ObjectMeta;
import dev.spo.core.node.NodeLayout;
import dev.spo.core.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An AppArmorProfile object, turned into AppArmor profile text by {@link AppArmorGenerator}.
 *
 * @param metadata object metadata; {@code metadata.name} is the AppArmor profile name
 * @param spec the profile specification
 * @param status the status written by the operator, if the document has one
 */
public record AppArmorProfile(ObjectMeta metadata, AppArmorSpec spec, @Nullable AppArmorStatus status)
    implements Profile {
  /** The kind name. */
  public static final String KIND = "AppArmorProfile";

  public AppArmorProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  /** A profile without status. */
  public static AppArmorProfile of(String name, AppArmorSpec spec) {
    return new AppArmorProfile(ObjectMeta.named(name), spec, null);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** A copy with another spec. */
  public AppArmorProfile withSpec(AppArmorSpec newSpec) {
    return new AppArmorProfile(metadata, newSpec, status);
  }

  /**
   * The file SPO writes under {@code /etc/apparmor.d/}: the name with {@code /} replaced by
   * {@code .} and leading and trailing dots removed.
   */
  public String nodeFileName() {
    return NodeLayout.appArmorFileName(name());
  }
}
