package dev.spo.apparmor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code abstract.ptrace} (SPO's newer v1 API): rendered as one
 * {@code ptrace (<access>) peer=<peer>,} rule.
 *
 * @param allowedAccess {@code read}, {@code readby}, {@code trace}, {@code tracedby}
 * @param peer profile name pattern of the peer, null for every process
 */
public record PtraceRules(List<String> allowedAccess, @Nullable String peer) {
  public PtraceRules {
    allowedAccess = List.copyOf(allowedAccess);
  }
}
