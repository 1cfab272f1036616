package dev.spo.oci;

import dev.spo.core.compose.BaseProfileResolver;
import dev.spo.core.compose.ResolvedProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves {@code oci://registry/repository[:tag][@digest]} base profiles for composition through
 * an {@link OciProfiles} (its cache and signature policy apply). Bases are pulled for the node's
 * platform by default and with the operator's 1 MiB limit ({@link OciLimits#BASE_PROFILES}); the
 * {@link ResolvedProfile} records the digest, so the composition chain names exactly what was
 * used. The prefix is matched case-sensitively, as SPO does.
 */
public final class OciBaseProfileResolver implements BaseProfileResolver {
  private final OciProfiles oci;
  private final PullOptions options;

  private OciBaseProfileResolver(OciProfiles oci, PullOptions options) {
    this.oci = Objects.requireNonNull(oci, "oci");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** For the host platform, with {@link OciLimits#BASE_PROFILES}. */
  public static OciBaseProfileResolver of(OciProfiles oci) {
    return new OciBaseProfileResolver(oci, new PullOptions(Platform.current(), OciLimits.BASE_PROFILES));
  }

  /** With explicit platform and limits. */
  public static OciBaseProfileResolver of(OciProfiles oci, PullOptions options) {
    return new OciBaseProfileResolver(oci, options);
  }

  @Override
  public boolean supports(String reference) {
    return reference.startsWith(OciReference.OCI_SCHEME);
  }

  /**
   * Pulls the base profile.
   *
   * @return empty when the tag, digest or repository does not exist
   * @throws RegistryException when the registry fails otherwise
   * @throws SignatureVerificationException when the signature policy refuses the base
   * @throws ArtifactException when the artifact holds no usable profile
   */
  @Override
  public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
    if (!supports(reference)) {
      return Optional.empty();
    }
    PullResult r;
    try {
      r = oci.pull(reference, options);
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    String pinned = OciReference.parse(reference).withDigest(r.digest()).toString();
    return Optional.of(new ResolvedProfile(reference, r.profile(), OciReference.OCI_SCHEME + pinned, r.digest()));
  }

  @Override
  public String toString() {
    return "OciBaseProfileResolver[" + options.platform() + "]";
  }
}
