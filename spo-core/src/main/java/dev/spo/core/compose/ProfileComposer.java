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

    // UNION folds into one name-keyed accumulator across all levels: no sorting or copies per step.
    @Nullable UnionAccumulator unionAcc = null;
    List<Syscall> listAcc = profile.spec().syscalls();
    @Nullable SeccompAction accDefault = profile.spec().defaultAction();
    @Nullable Integer accDefaultErrno = profile.spec().defaultErrnoRet();

    SeccompProfile current = profile;
    int level = 0;
    while (true) {
      String ref = current.spec().baseProfileName();
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
      SeccompProfile base = resolve(ref, current.name(), chain, steps, level + 1);
      level++;
      switch (strategy) {
        case UNION -> {
          if (unionAcc == null) {
            unionAcc = new UnionAccumulator(listAcc);
          }
          unionAcc.addBase(base.spec().syscalls());
        }
        case APPEND -> listAcc = SyscallMerging.append(base.spec().syscalls(), listAcc);
        case INTERSECT -> {
          SeccompAction baseDefault = base.spec().defaultAction();
          if (baseDefault == null || accDefault == null) {
            String who = baseDefault == null ? base.name() : profile.name();
            throw new CompositionException(
                Reason.MERGE_FAILED,
                chain,
                "intersect needs a defaultAction on every profile, but '" + who + "' has none (chain: "
                    + String.join(ARROW, chain) + ")");
          }
          SyscallMerging.Intersection i =
              SyscallMerging.intersect(
                  base.spec().syscalls(), baseDefault, base.spec().defaultErrnoRet(),
                  listAcc, accDefault, accDefaultErrno);
          listAcc = i.syscalls();
          accDefault = i.defaultAction();
          accDefaultErrno = i.defaultErrnoRet();
        }
      }
      current = base;
    }

    if (steps.isEmpty()) {
      return new ComposedProfile(profile, steps, strategy);
    }
    List<Syscall> merged = unionAcc != null ? unionAcc.toSortedList() : listAcc;
    SeccompSpec.Builder spec = profile.spec().toBuilder().syscalls(merged);
    if (strategy == MergeStrategy.INTERSECT) {
      spec.defaultAction(accDefault).defaultErrnoRet(accDefaultErrno);
    }
    return new ComposedProfile(profile.withSpec(spec.build()), steps, strategy);
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
