package dev.spo.core.validate;

import dev.spo.core.seccomp.SeccompAction;
import java.util.EnumSet;
import java.util.Set;

/**
 * SPO's operator-wide allow list ({@code spec.security.allowedSyscalls} and
 * {@code allowedSeccompActions} of the SPOD object): every syscall whose action is one of the
 * checked actions must be in {@code allowedSyscalls}, and the default action must not be one of
 * them.
 *
 * @param allowedSyscalls names that may be allowed; empty disables the check
 * @param checkedActions the actions that count as "allowing" (default ALLOW, LOG, TRACE, NOTIFY)
 */
public record AllowList(Set<String> allowedSyscalls, Set<SeccompAction> checkedActions) {
  private static final Set<SeccompAction> PERMITTED =
      EnumSet.of(SeccompAction.ALLOW, SeccompAction.LOG, SeccompAction.TRACE, SeccompAction.NOTIFY);

  public AllowList {
    allowedSyscalls = Set.copyOf(allowedSyscalls);
    checkedActions = Set.copyOf(checkedActions);
    for (SeccompAction a : checkedActions) {
      if (!PERMITTED.contains(a)) {
        throw new IllegalArgumentException("seccomp action not allowed in an allow list: " + a.wireName());
      }
    }
  }

  /** An allow list with SPO's default checked actions. */
  public static AllowList of(Set<String> allowedSyscalls) {
    return new AllowList(allowedSyscalls, PERMITTED);
  }
}
