package dev.spo.apparmor;

import java.util.List;

/**
 * {@code abstract.capability}.
 *
 * @param allowedCapabilities lower-case capability names without {@code CAP_}
 */
public record CapabilityRules(List<String> allowedCapabilities) {
  public CapabilityRules {
    allowedCapabilities = List.copyOf(allowedCapabilities);
  }
}
