package dev.spo.apparmor;

import dev.spo.core.Condition;
import dev.spo.core.ProfilePhase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} of an AppArmorProfile.
 *
 * @param status aggregated installation state
 * @param conditions status conditions
 * @param activeWorkloads pods using the profile
 * @param activeWorkloadsCount number of pods using the profile, when set
 */
public record AppArmorStatus(
    @Nullable ProfilePhase status,
    List<Condition> conditions,
    List<String> activeWorkloads,
    @Nullable Integer activeWorkloadsCount) {
  public AppArmorStatus {
    conditions = List.copyOf(conditions);
    activeWorkloads = List.copyOf(activeWorkloads);
  }
}
