package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.core.compose.BaseProfileResolver;
import dev.spo.core.compose.ResolvedProfile;
import dev.spo.oci.LayoutReference;
import dev.spo.oci.OciBaseProfileResolver;
import dev.spo.oci.OciLimits;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.OciReference;
import dev.spo.oci.Platform;
import dev.spo.oci.PullOptions;
import dev.spo.oci.RegistryClient;
import dev.spo.oci.RegistryException;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.PullResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Registry and layout access for one command run. Clients and the signature policy are created
 * on first use, so commands that never touch OCI (a profile without {@code oci://} bases) need
 * no verification flags and pay nothing for them.
 */
final class OciAccess implements AutoCloseable {
  private final RegistryOptions registry;
  private final Supplier<SignaturePolicy> policySupplier;
  private final Map<String, OciProfiles> byHost = new HashMap<>();
  private final List<RegistryClient> clients = new ArrayList<>();
  private @Nullable SignaturePolicy policy;

  OciAccess(RegistryOptions registry, Supplier<SignaturePolicy> policy) {
    this.registry = registry;
    this.policySupplier = policy;
  }

  static OciAccess verifying(RegistryOptions registry, VerifyOptions verify) {
    return new OciAccess(registry, verify::policy);
  }

  SignaturePolicy policy() {
    SignaturePolicy p = policy;
    if (p == null) {
      p = policySupplier.get();
      policy = p;
    }
    return p;
  }

  /** The host a reference talks to; empty for {@code oci-layout:} references. */
  static String host(String reference) {
    if (LayoutReference.isLayoutReference(reference)) {
      return "";
    }
    try {
      return OciReference.parse(reference).registry();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage() == null ? "invalid reference: " + reference : e.getMessage());
    }
  }

  /** An {@link OciProfiles} for the reference's registry (or for layouts). */
  OciProfiles forReference(String reference) {
    String host = host(reference);
    OciProfiles oci = byHost.get(host);
    if (oci == null) {
      OciProfiles.Builder b = OciProfiles.builder().signaturePolicy(policy());
      if (!host.isEmpty()) {
        RegistryClient client = registry.client(host);
        clients.add(client);
        b.registryClient(client);
      }
      oci = b.build();
      byHost.put(host, oci);
    }
    return oci;
  }

  /** Resolves {@code oci://} bases from their registries. */
  BaseProfileResolver registryResolver(Platform platform) {
    return new BaseProfileResolver() {
      @Override
      public boolean supports(String reference) {
        return reference.startsWith(OciReference.OCI_SCHEME);
      }

      @Override
      public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
        return OciBaseProfileResolver.of(forReference(reference), new PullOptions(platform, OciLimits.BASE_PROFILES))
            .resolve(reference, requestedBy);
      }
    };
  }

  /**
   * Resolves {@code oci://REGISTRY/REPOSITORY[:TAG|@DIGEST]} bases from an embedded store: a
   * directory holding one OCI image layout per repository at {@code STORE/REGISTRY/REPOSITORY}
   * (the tag is the layout's {@code org.opencontainers.image.ref.name}). Nothing falls back to the
   * network: a repository missing from the store is a missing base.
   */
  BaseProfileResolver storeResolver(Path store, Platform platform) {
    return new BaseProfileResolver() {
      @Override
      public boolean supports(String reference) {
        return reference.startsWith(OciReference.OCI_SCHEME);
      }

      @Override
      public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
        String layout = layoutReference(store, reference);
        if (!Files.isRegularFile(LayoutReference.parse(layout).directory().resolve("index.json"))) {
          return Optional.empty();
        }
        PullResult r;
        try {
          r = forReference(layout).pull(layout, new PullOptions(platform, OciLimits.BASE_PROFILES));
        } catch (RegistryException e) {
          if (e.reason() == RegistryException.Reason.NOT_FOUND) {
            return Optional.empty();
          }
          throw e;
        }
        String pinned = LayoutReference.parse(layout).withDigest(r.digest()).toString();
        return Optional.of(new ResolvedProfile(reference, r.profile(), pinned, r.digest()));
      }
    };
  }

  /** {@code oci://reg/repo:tag} in store {@code S} is {@code oci-layout:S/reg/repo:tag}. */
  static String layoutReference(Path store, String ociReference) {
    OciReference ref = OciReference.parse(ociReference);
    Path dir = store.resolve(ref.registry()).resolve(ref.repository());
    String suffix = ref.digest() != null ? "@" + ref.digest() : ":" + ref.tag();
    return LayoutReference.SCHEME + dir + suffix;
  }

  @Override
  public void close() {
    for (OciProfiles o : byHost.values()) {
      o.close();
    }
    for (RegistryClient c : clients) {
      c.close();
    }
  }
}
