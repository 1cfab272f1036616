package dev.spo.core.spi;

import dev.spo.core.Profile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** An immutable set of {@link ProfileKind}s, keyed by kind name. */
public final class ProfileKinds {
  private final Map<String, ProfileKind<?>> byKind;

  private ProfileKinds(Map<String, ProfileKind<?>> byKind) {
    this.byKind = byKind;
  }

  /** The kinds found on the class path (or module path) through {@link ServiceLoader}. */
  public static ProfileKinds loaded() {
    return Holder.LOADED;
  }

  /** Exactly the given kinds. */
  public static ProfileKinds of(Collection<? extends ProfileKind<?>> kinds) {
    Map<String, ProfileKind<?>> map = new LinkedHashMap<>();
    for (ProfileKind<?> kind : kinds) {
      ProfileKind<?> previous = map.putIfAbsent(kind.kind(), kind);
      if (previous != null && !previous.getClass().equals(kind.getClass())) {
        throw new IllegalStateException(
            "kind " + kind.kind() + " is registered twice: " + previous.getClass() + " and " + kind.getClass());
      }
    }
    return new ProfileKinds(Map.copyOf(map));
  }

  /** The kind with this name, or null. */
  public @Nullable ProfileKind<?> find(String kind) {
    return byKind.get(kind);
  }

  /** The kind whose model type is {@code type}, or null. */
  @SuppressWarnings("unchecked")
  public <P extends Profile> @Nullable ProfileKind<P> forType(Class<P> type) {
    for (ProfileKind<?> kind : byKind.values()) {
      if (kind.type().isAssignableFrom(type)) {
        return (ProfileKind<P>) kind;
      }
    }
    return null;
  }

  /** The names of all kinds, sorted. */
  public List<String> names() {
    return new ArrayList<>(new TreeSet<>(byKind.keySet()));
  }

  private static final class Holder {
    static final ProfileKinds LOADED = load();

    @SuppressWarnings("rawtypes")
    private static ProfileKinds load() {
      List<ProfileKind<?>> kinds = new ArrayList<>();
      ClassLoader loader = ProfileKinds.class.getClassLoader();
      for (ProfileKind kind : ServiceLoader.load(ProfileKind.class, loader)) {
        kinds.add(kind);
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && context != loader) {
        for (ProfileKind kind : ServiceLoader.load(ProfileKind.class, context)) {
          if (kinds.stream().noneMatch(k -> k.kind().equals(kind.kind()))) {
            kinds.add(kind);
          }
        }
      }
      return of(kinds);
    }
  }
}
