package dev.spo.core.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ways to combine {@link BaseProfileResolver}s. */
public final class Resolvers {
  /**
   * The literal, case-sensitive prefix that marks an OCI reference in {@code baseProfileName}, as
   * in SPO. Every other reference is a local profile name.
   */
  public static final String OCI_PREFIX = "oci://";

  private Resolvers() {}

  /**
   * A resolver that hands each reference to the first of {@code resolvers} whose
   * {@link BaseProfileResolver#supports(String)} accepts it. An empty result from that resolver is
   * final: later resolvers are not asked, so a local name cannot silently shadow another source.
   */
  public static BaseProfileResolver chain(BaseProfileResolver... resolvers) {
    return chain(List.of(resolvers));
  }

  /** Like {@link #chain(BaseProfileResolver...)} for a list. */
  public static BaseProfileResolver chain(List<? extends BaseProfileResolver> resolvers) {
    return new Chain(new ArrayList<>(resolvers));
  }

  private static final class Chain implements BaseProfileResolver {
    private final List<BaseProfileResolver> resolvers;

    Chain(List<BaseProfileResolver> resolvers) {
      this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public boolean supports(String reference) {
      for (BaseProfileResolver r : resolvers) {
        if (r.supports(reference)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
      for (BaseProfileResolver r : resolvers) {
        if (r.supports(reference)) {
          return r.resolve(reference, requestedBy);
        }
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "Resolvers.chain" + resolvers;
    }
  }
}
