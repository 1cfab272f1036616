package dev.spo.core.compose;

import dev.spo.core.Profile;
import dev.spo.core.SpoException;
import dev.spo.core.compose.CompositionException.Reason;
import dev.spo.core.internal.SyscallMerging;
import dev.spo.core.internal.UnionAccumulator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Composes a seccomp profile with its chain of base profiles ({@code spec.baseProfileName}), as
 * SPO's node daemon does: starting from the profile's own rules, each base in turn is merged in as
 * {@code accumulated = merge(base.syscalls, accumulated)}, then the base's own base is followed.
 * Only {@code syscalls} is merged; every other field is the child's, except that
 * {@link MergeStrategy#INTERSECT} also takes the strictest {@code defaultAction} of the chain
 * (otherwise the result could allow what a base denies). A profile without a base comes back
 * unchanged, its rules not normalized (SPO writes them as they are).
 *
 * <p>Depth is counted as SPO counts it: the check {@code level >= maxDepth} runs at every profile
 * before its base is looked at, so with the default of 15 a chain profile → b1 → … → b14 resolves
 * and one reaching b15 fails even if b15 has no base. Unlike SPO, a cycle is reported as such
 * (before the depth check) instead of running into the depth limit.
 *
 * <p>Immutable and thread-safe if the resolver is.
 */
public final class ProfileComposer {
  /** SPO's limit: at most 14 chained bases resolve. */
  public static final int DEFAULT_MAX_DEPTH = 15;

  private static final String ARROW = " \u2192 ";

  private final BaseProfileResolver resolver;
  private final int maxDepth;
  private final MergeStrategy strategy;

  private ProfileComposer(Builder b) {
    this.resolver = Objects.requireNonNull(b.resolver, "resolver is required");
    this.maxDepth = b.maxDepth;
    this.strategy = b.strategy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The resolver bases are looked up with. */
  public BaseProfileResolver resolver() {
    return resolver;
  }

  /** The recursion limit, counted as SPO does. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The merge strategy. */
  public MergeStrategy strategy() {
    return strategy;
  }

  /**
   * Composes the profile with its bases.
   *
   * @throws CompositionException when a base is missing, not a seccomp profile, part of a cycle,
   *     too deep, when the resolver fails, or when the merge is impossible (intersect without a
   *     {@code defaultAction}); {@link CompositionException#chain()} names the profiles involved
   */
  public ComposedProfile compose(SeccompProfile profile) {
    Objects.requireNonNull(profile, "profile");
    List<String> chain = new ArrayList<>();
    chain.add(profile.name());
    Set<String> seen = new HashSet<>();
    seen.add(profile.name());
    List<ResolutionStep> steps = new ArrayList<>();
    List<SeccompProfile> bases = new ArrayList<>();

    // Resolve the whole chain first: a broken chain fails before any merge work, and the union
    // can size its table once.
    SeccompProfile current = profile;
    int level = 0;
    while (true) {
      @Nullable String ref = current.spec().baseProfileName();
      boolean hasBase = ref != null && !ref.isEmpty();
      if (hasBase && seen.contains(ref)) {
        chain.add(ref);
        throw new CompositionException(Reason.CYCLE, chain, "cycle in base profiles: " + String.join(ARROW, chain));
      }
      if (level >= maxDepth) {
        throw new CompositionException(
            Reason.MAX_DEPTH,
            chain,
            "max recursion level of " + maxDepth + " is reached for resolving base profiles: "
                + String.join(ARROW, chain));
      }
      if (!hasBase) {
        break;
      }
      chain.add(ref);
      seen.add(ref);
      current = resolve(ref, current.name(), chain, steps, level + 1);
      bases.add(current);
      level++;
    }

    if (bases.isEmpty()) {
      return new ComposedProfile(profile, steps, strategy);
    }
    SeccompSpec.Builder spec = profile.spec().toBuilder();
    switch (strategy) {
      case UNION -> spec.syscalls(union(profile, bases));
      case APPEND -> {
        List<Syscall> acc = profile.spec().syscalls();
        for (SeccompProfile base : bases) {
          acc = SyscallMerging.append(base.spec().syscalls(), acc);
        }
        spec.syscalls(acc);
      }
      case INTERSECT -> intersect(profile, bases, chain, spec);
    }
    return new ComposedProfile(profile.withSpec(spec.build()), steps, strategy);
  }

  private static List<Syscall> union(SeccompProfile profile, List<SeccompProfile> bases) {
    int totalNames = countNames(profile.spec().syscalls());
    int largest = totalNames;
    for (SeccompProfile base : bases) {
      int n = countNames(base.spec().syscalls());
      totalNames += n;
      largest = Math.max(largest, n);
    }
    // Bases in a chain share most of their names: size the table for a third of the total (at
    // least the largest list) rather than for the sum, which would allocate and clear memory that
    // is never used; the table grows if the guess is low.
    UnionAccumulator acc = new UnionAccumulator(profile.spec().syscalls(), Math.max(largest, totalNames / 3));
    for (SeccompProfile base : bases) {
      acc.addBase(base.spec().syscalls());
    }
    return acc.toSortedList();
  }

  private static int countNames(List<Syscall> rules) {
    int n = 0;
    for (Syscall s : rules) {
      n += s.names().size();
    }
    return n;
  }

  private static void intersect(
      SeccompProfile profile, List<SeccompProfile> bases, List<String> chain, SeccompSpec.Builder out) {
    @Nullable SeccompAction accDefault = profile.spec().defaultAction();
    @Nullable Integer accDefaultErrno = profile.spec().defaultErrnoRet();
    List<Syscall> acc = profile.spec().syscalls();
    for (int i = 0; i < bases.size(); i++) {
      SeccompProfile base = bases.get(i);
      SeccompAction baseDefault = base.spec().defaultAction();
      if (baseDefault == null || accDefault == null) {
        String who = accDefault == null ? profile.name() : base.name();
        List<String> upTo = chain.subList(0, i + 2);
        throw new CompositionException(
            Reason.MERGE_FAILED,
            upTo,
            "intersect needs a defaultAction on every profile, but '" + who + "' has none (chain: "
                + String.join(ARROW, upTo) + ")");
      }
      SyscallMerging.Intersection r =
          SyscallMerging.intersect(
              base.spec().syscalls(), baseDefault, base.spec().defaultErrnoRet(),
              acc, accDefault, accDefaultErrno);
      acc = r.syscalls();
      accDefault = r.defaultAction();
      accDefaultErrno = r.defaultErrnoRet();
    }
    out.syscalls(acc).defaultAction(accDefault).defaultErrnoRet(accDefaultErrno);
  }

  private SeccompProfile resolve(
      String ref, String requestedBy, List<String> chain, List<ResolutionStep> steps, int level) {
    if (!resolver.supports(ref)) {
      throw new CompositionException(
          Reason.MISSING_BASE,
          chain,
          "base profile '" + ref + "' requested by '" + requestedBy + "': no resolver supports this reference (chain: "
              + String.join(ARROW, chain) + ")");
    }
    Optional<ResolvedProfile> found;
    try {
      found = resolver.resolve(ref, requestedBy);
    } catch (SpoException e) {
      throw new CompositionException(
          Reason.RESOLVER_FAILED,
          chain,
          "resolving base profile '" + ref + "' requested by '" + requestedBy + "' failed: " + e.getMessage()
              + " (chain: " + String.join(ARROW, chain) + ")",
          e);
    }
    if (found.isEmpty()) {
      throw new CompositionException(
          Reason.MISSING_BASE,
          chain,
          "base profile '" + ref + "' requested by '" + requestedBy + "' was not found (chain: "
              + String.join(ARROW, chain) + ")");
    }
    ResolvedProfile resolved = found.get();
    Profile p = resolved.profile();
    if (!(p instanceof SeccompProfile base)) {
      throw new CompositionException(
          Reason.NOT_SECCOMP,
          chain,
          "base profile '" + ref + "' requested by '" + requestedBy + "' is a " + p.kind()
              + ", not a SeccompProfile (from " + resolved.origin() + ")");
    }
    steps.add(new ResolutionStep(level, ref, requestedBy, base.name(), resolved.origin(), resolved.digest()));
    return base;
  }

  /** Builder for {@link ProfileComposer}. */
  public static final class Builder {
    private @Nullable BaseProfileResolver resolver;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private MergeStrategy strategy = MergeStrategy.UNION;

    private Builder() {}

    /** Where bases are looked up; required. Combine several with {@link Resolvers#chain}. */
    public Builder resolver(BaseProfileResolver value) {
      this.resolver = Objects.requireNonNull(value, "resolver");
      return this;
    }

    /** The recursion limit, counted as SPO does (default 15: up to 14 bases). Must be at least 1. */
    public Builder maxDepth(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxDepth must be at least 1: " + value);
      }
      this.maxDepth = value;
      return this;
    }

    /** The merge strategy; default {@link MergeStrategy#UNION}. */
    public Builder strategy(MergeStrategy value) {
      this.strategy = Objects.requireNonNull(value, "strategy");
      return this;
    }

    public ProfileComposer build() {
      return new ProfileComposer(this);
    }
  }
}
