package dev.spo.selinux.internal;

import java.util.List;
import dev.spo.selinux.SelinuxValidator;
import dev.spo.core.validate.Violation;
import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.spi.CommonFields;
import dev.spo.core.spi.DocumentObject;
import dev.spo.core.spi.ProfileKind;
import dev.spo.selinux.RawSelinuxProfile;
import dev.spo.selinux.RawSelinuxSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The RawSelinuxProfile kind for the codecs. */
public final class RawSelinuxProfileKind implements ProfileKind<RawSelinuxProfile> {
  @Override
  public String kind() {
    return RawSelinuxProfile.KIND;
  }

  @Override
  public Class<RawSelinuxProfile> type() {
    return RawSelinuxProfile.class;
  }

  @Override
  public Set<String> apiVersions() {
    return Set.of(Profile.API_VERSION_V1, Profile.API_GROUP + "/v1alpha2");
  }

  @Override
  public RawSelinuxProfile decode(
      String apiVersion, ObjectMeta metadata, DocumentObject spec, @Nullable DocumentObject status) {
    RawSelinuxSpec decoded = new RawSelinuxSpec(CommonFields.readState(spec), spec.requiredString("policy"));
    spec.finish();
    return new RawSelinuxProfile(metadata, decoded, SelinuxProfileKind.decodeStatus(status));
  }

  @Override
  public Map<String, @Nullable Object> encodeSpec(RawSelinuxProfile profile) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeState(out, profile.spec().state());
    out.put("policy", profile.spec().policy());
    return out;
  }

  @Override
  public @Nullable Map<String, @Nullable Object> encodeStatus(RawSelinuxProfile profile) {
    return SelinuxProfileKind.encodeStatus(profile.status());
  }

  @Override
  public List<Violation> validate(RawSelinuxProfile profile) {
    return SelinuxValidator.defaults().validate(profile);
  }
}
