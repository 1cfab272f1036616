package dev.spo.selinux;

import dev.spo.core.Profile;
import dev.spo.core.compose.BaseProfileResolver;
import dev.spo.core.compose.ResolvedProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory resolver of profiles by name, for tests. */
final class MapResolver implements BaseProfileResolver {
  private final Map<String, Profile> byName = new HashMap<>();

  MapResolver(List<? extends Profile> profiles) {
    for (Profile p : profiles) {
      byName.put(p.name(), p);
    }
  }

  @Override
  public boolean supports(String reference) {
    return !reference.startsWith("oci://");
  }

  @Override
  public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
    Profile p = byName.get(reference);
    return p == null ? Optional.empty() : Optional.of(new ResolvedProfile(reference, p, "memory", null));
  }
}
