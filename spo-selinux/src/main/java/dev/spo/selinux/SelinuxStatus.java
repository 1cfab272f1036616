package dev.spo.selinux;

import dev.spo.core.Condition;
import dev.spo.core.ProfilePhase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} of a SelinuxProfile or RawSelinuxProfile as the operator writes it.
 *
 * @param status aggregated installation state
 * @param conditions status conditions
 * @param usage the SELinux type pods use ({@code <name>.process})
 * @param activeWorkloads pods using the profile
 */
public record SelinuxStatus(
    @Nullable ProfilePhase status, List<Condition> conditions, @Nullable String usage, List<String> activeWorkloads) {
  public SelinuxStatus {
    conditions = List.copyOf(conditions);
    activeWorkloads = List.copyOf(activeWorkloads);
  }
}
