package dev.spo.selinux;

import dev.spo.core.validate.ValidationException;
import dev.spo.core.Profile;
import dev.spo.core.SpoException;
import dev.spo.core.compose.BaseProfileResolver;
import dev.spo.core.compose.CompositionException;
import dev.spo.core.compose.ResolvedProfile;
import dev.spo.selinux.internal.CilText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns SelinuxProfiles and RawSelinuxProfiles into the CIL SPO writes on the node. Each profile
 * is validated first ({@link SelinuxValidator}); SelinuxProfile-kind inherits are looked up through
 * the configured {@link BaseProfileResolver}s, validated and translated as well, with SPO's depth
 * limit (default 15: a chain of at most 14 inherited profiles resolves) and explicit cycle
 * detection that names the chain. Immutable and thread-safe.
 *
 * <pre>{@code
 * CilPolicy policy = CilTranslator.builder().resolver(myResolver).build().translate(profile);
 * Files.writeString(dir.resolve(policy.fileName()), policy.cil());
 * }</pre>
 */
public final class CilTranslator {
  /** SPO's recursion limit for base profiles, applied to inherited SelinuxProfiles. */
  public static final int DEFAULT_MAX_DEPTH = 15;

  private final SelinuxValidator validator;
  private final List<BaseProfileResolver> resolvers;
  private final int maxDepth;

  private CilTranslator(Builder b) {
    this.validator = SelinuxValidator.of(b.options);
    this.resolvers = List.copyOf(b.resolvers);
    this.maxDepth = b.maxDepth;
  }

  /** A translator with SPO's default options and no resolvers (inheriting profiles fails). */
  public static CilTranslator defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates and translates a SelinuxProfile and, transitively, the SelinuxProfiles it inherits.
   *
   * @throws ValidationException when this or an inherited profile is invalid
   * @throws CompositionException when an inherited profile is missing, not a SelinuxProfile, the
   *     chain is too deep or has a cycle, or a resolver fails
   */
  public CilPolicy translate(SelinuxProfile profile) {
    List<String> chain = new ArrayList<>();
    chain.add(profile.name());
    return translate(profile, chain, 0, new HashMap<>());
  }

  /**
   * Validates and wraps a RawSelinuxProfile.
   *
   * @throws ValidationException when the profile is invalid
   */
  public CilPolicy translate(RawSelinuxProfile profile) {
    validator.check(profile);
    return new CilPolicy(
        profile.policyName(), profile.usage(), CilText.rawProfile(profile.policyName(), profile.spec().policy()), List.of());
  }

  private CilPolicy translate(SelinuxProfile profile, List<String> chain, int level, Map<String, CilPolicy> done) {
    if (level >= maxDepth) {
      throw new CompositionException(
          CompositionException.Reason.MAX_DEPTH,
          chain,
          "max recursion level of " + maxDepth + " is reached for resolving inherited SelinuxProfiles: "
              + String.join(" -> ", chain));
    }
    validator.check(profile);
    List<CilPolicy> inherited = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (PolicyRef ref : profile.spec().inherit()) {
      if (ref.kind() != PolicyRef.Kind.SELINUX_PROFILE) {
        continue;
      }
      List<String> next = new ArrayList<>(chain);
      next.add(ref.name());
      if (chain.contains(ref.name())) {
        throw new CompositionException(
            CompositionException.Reason.CYCLE, next, "inherit cycle: " + String.join(" -> ", next));
      }
      CilPolicy policy = done.get(ref.name());
      if (policy == null) {
        SelinuxProfile base = resolve(ref.name(), profile.name(), next);
        policy = translate(base, next, level + 1, done);
        done.put(ref.name(), policy);
      }
      inherited.add(policy);
      names.add(policy.name());
    }
    return new CilPolicy(profile.policyName(), profile.usage(), CilText.selinuxProfile(profile, names), inherited);
  }

  private SelinuxProfile resolve(String name, String requestedBy, List<String> chain) {
    BaseProfileResolver resolver = null;
    for (BaseProfileResolver r : resolvers) {
      if (r.supports(name)) {
        resolver = r;
        break;
      }
    }
    if (resolver == null) {
      throw new CompositionException(
          CompositionException.Reason.MISSING_BASE,
          chain,
          "SelinuxProfile '" + name + "' inherited by '" + requestedBy + "' cannot be resolved: no resolver supports it");
    }
    Optional<ResolvedProfile> found;
    try {
      found = resolver.resolve(name, requestedBy);
    } catch (CompositionException e) {
      throw e;
    } catch (SpoException e) {
      throw new CompositionException(
          CompositionException.Reason.RESOLVER_FAILED,
          chain,
          "resolving SelinuxProfile '" + name + "' inherited by '" + requestedBy + "' failed: " + e.getMessage(),
          e);
    }
    if (found.isEmpty()) {
      throw new CompositionException(
          CompositionException.Reason.MISSING_BASE,
          chain,
          "SelinuxProfile '" + name + "' inherited by '" + requestedBy + "' does not exist");
    }
    Profile p = found.get().profile();
    if (!(p instanceof SelinuxProfile sp)) {
      throw new CompositionException(
          CompositionException.Reason.RESOLVER_FAILED,
          chain,
          "'" + name + "' inherited by '" + requestedBy + "' is a " + p.kind() + ", not a SelinuxProfile");
    }
    return sp;
  }

  /** Builder of a {@link CilTranslator}. */
  public static final class Builder {
    private SelinuxPolicyOptions options = SelinuxPolicyOptions.defaults();
    private final List<BaseProfileResolver> resolvers = new ArrayList<>();
    private int maxDepth = DEFAULT_MAX_DEPTH;

    private Builder() {}

    /** Node options (allowed templates, deny-list changes). Default: SPO's defaults. */
    public Builder options(SelinuxPolicyOptions value) {
      this.options = value;
      return this;
    }

    /** Adds a resolver for SelinuxProfile-kind inherits; the first that supports a name is used. */
    public Builder resolver(BaseProfileResolver value) {
      resolvers.add(value);
      return this;
    }

    /** The depth limit (levels, counted as SPO counts base profiles). Default 15. */
    public Builder maxDepth(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxDepth must be at least 1");
      }
      this.maxDepth = value;
      return this;
    }

    public CilTranslator build() {
      return new CilTranslator(this);
    }
  }
}
