package dev.spo.core.compose;

import dev.spo.core.Profile;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Profiles held in memory, found by {@code metadata.name}; resolves every local reference (any
 * reference that does not start with {@code oci://}). Thread-safe: a profile added or removed is
 * seen by every later lookup. Resolved profiles report origin {@code memory} and no digest.
 */
public final class InMemoryProfileStore implements BaseProfileResolver {
  /** The origin reported for profiles from this store. */
  public static final String ORIGIN = "memory";

  private final ConcurrentHashMap<String, Profile> byName = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryProfileStore() {}

  /** A store holding the given profiles; later profiles replace earlier ones of the same name. */
  public static InMemoryProfileStore of(Collection<? extends Profile> profiles) {
    InMemoryProfileStore store = new InMemoryProfileStore();
    profiles.forEach(store::put);
    return store;
  }

  /** A store holding the given profiles; later profiles replace earlier ones of the same name. */
  public static InMemoryProfileStore of(Profile... profiles) {
    return of(List.of(profiles));
  }

  /**
   * Adds a profile, replacing one with the same name.
   *
   * @return the profile it replaced, if any
   * @throws IllegalArgumentException when the profile has no name
   */
  public Optional<Profile> put(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    if (profile.name().isEmpty()) {
      throw new IllegalArgumentException("a profile without metadata.name cannot be stored");
    }
    return Optional.ofNullable(byName.put(profile.name(), profile));
  }

  /** Removes the profile with that name; returns it if there was one. */
  public Optional<Profile> remove(String name) {
    return Optional.ofNullable(byName.remove(name));
  }

  /** The profile with that name. */
  public Optional<Profile> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names currently stored, sorted. */
  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  /** How many profiles are stored. */
  public int size() {
    return byName.size();
  }

  @Override
  public boolean supports(String reference) {
    return !reference.startsWith(Resolvers.OCI_PREFIX);
  }

  @Override
  public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
    Profile p = byName.get(reference);
    return p == null ? Optional.empty() : Optional.of(new ResolvedProfile(reference, p, ORIGIN, null));
  }
}
