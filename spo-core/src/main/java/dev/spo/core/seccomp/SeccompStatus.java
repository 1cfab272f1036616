package dev.spo.core.seccomp;

import dev.spo.core.Condition;
import dev.spo.core.ProfilePhase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code status} of a SeccompProfile as the operator writes it.
 *
 * @param status aggregated installation state
 * @param conditions status conditions
 * @param path installed file path (older operator versions)
 * @param activeWorkloads {@code <namespace>/<pod>} of workloads using the profile
 * @param localhostProfile value for {@code securityContext.seccompProfile.localhostProfile}
 */
public record SeccompStatus(
    @Nullable ProfilePhase status,
    List<Condition> conditions,
    @Nullable String path,
    List<String> activeWorkloads,
    @Nullable String localhostProfile) {
  public SeccompStatus {
    conditions = List.copyOf(conditions);
    activeWorkloads = List.copyOf(activeWorkloads);
  }
}
