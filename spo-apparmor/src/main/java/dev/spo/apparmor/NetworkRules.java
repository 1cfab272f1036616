package dev.spo.apparmor;

import org.jspecify.annotations.Nullable;

/**
 * {@code abstract.network}. Unset booleans mean false.
 *
 * @param allowRaw raw sockets; unless true, enforce mode adds {@code deny network raw,}
 * @param allowTcp {@code allowedProtocols.allowTcp}
 * @param allowUdp {@code allowedProtocols.allowUdp}
 * @param hasProtocols whether {@code allowedProtocols} is present (kept for round trips)
 */
public record NetworkRules(
    @Nullable Boolean allowRaw, @Nullable Boolean allowTcp, @Nullable Boolean allowUdp, boolean hasProtocols) {

  /** Network rules with the protocols object present when a protocol flag is set. */
  public static NetworkRules of(@Nullable Boolean allowRaw, @Nullable Boolean allowTcp, @Nullable Boolean allowUdp) {
    return new NetworkRules(allowRaw, allowTcp, allowUdp, allowTcp != null || allowUdp != null);
  }
}
