package dev.spo.core.internal;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.SeccompStatus;
import dev.spo.core.spi.CommonFields;
import dev.spo.core.spi.DocumentObject;
import dev.spo.core.spi.ProfileKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The SeccompProfile kind for the codecs. */
public final class SeccompKind implements ProfileKind<SeccompProfile> {
  @Override
  public String kind() {
    return SeccompProfile.KIND;
  }

  @Override
  public Class<SeccompProfile> type() {
    return SeccompProfile.class;
  }

  @Override
  public Set<String> apiVersions() {
    return Set.of(
        Profile.API_VERSION_V1, Profile.API_GROUP + "/v1beta1", Profile.API_GROUP + "/v1alpha1");
  }

  @Override
  public SeccompProfile decode(
      String apiVersion, ObjectMeta metadata, DocumentObject spec, @Nullable DocumentObject status) {
    SeccompSpec decoded = SeccompSpecCodec.decode(spec, SeccompSpecCodec.Dialect.CRD);
    SeccompStatus decodedStatus = null;
    if (status != null) {
      decodedStatus =
          new SeccompStatus(
              CommonFields.readPhase(status),
              CommonFields.readConditions(status),
              status.string("path"),
              status.stringList("activeWorkloads"),
              status.string("localhostProfile"));
      status.finish();
    }
    return new SeccompProfile(metadata, decoded, decodedStatus);
  }

  @Override
  public Map<String, @Nullable Object> encodeSpec(SeccompProfile profile) {
    return SeccompSpecCodec.encode(profile.spec(), SeccompSpecCodec.Dialect.CRD, false);
  }

  @Override
  public @Nullable Map<String, @Nullable Object> encodeStatus(SeccompProfile profile) {
    SeccompStatus status = profile.status();
    if (status == null) {
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeStatusBase(out, status.status(), status.conditions());
    CommonFields.putIfNotNull(out, "path", status.path());
    CommonFields.putIfNotEmpty(out, "activeWorkloads", status.activeWorkloads());
    CommonFields.putIfNotNull(out, "localhostProfile", status.localhostProfile());
    return out;
  }
}
