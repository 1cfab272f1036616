package dev.spo.selinux.internal;

import dev.spo.selinux.SelinuxValidator;
import dev.spo.core.validate.Violation;
import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.ProfileState;
import dev.spo.core.spi.CommonFields;
import dev.spo.core.spi.DocumentObject;
import dev.spo.core.spi.ProfileKind;
import dev.spo.selinux.PolicyRef;
import dev.spo.selinux.SelinuxMode;
import dev.spo.selinux.SelinuxProfile;
import dev.spo.selinux.SelinuxSpec;
import dev.spo.selinux.SelinuxStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The SelinuxProfile kind for the codecs ({@code v1}, and {@code v1alpha2} with {@code permissive}). */
public final class SelinuxProfileKind implements ProfileKind<SelinuxProfile> {
  private static final List<String> MODES = Arrays.stream(SelinuxMode.values()).map(SelinuxMode::wireName).toList();
  private static final List<String> REF_KINDS =
      Arrays.stream(PolicyRef.Kind.values()).map(PolicyRef.Kind::wireName).toList();

  @Override
  public String kind() {
    return SelinuxProfile.KIND;
  }

  @Override
  public Class<SelinuxProfile> type() {
    return SelinuxProfile.class;
  }

  @Override
  public Set<String> apiVersions() {
    return Set.of(Profile.API_VERSION_V1, Profile.API_GROUP + "/v1alpha2");
  }

  @Override
  public SelinuxProfile decode(
      String apiVersion, ObjectMeta metadata, DocumentObject spec, @Nullable DocumentObject status) {
    ProfileState state = CommonFields.readState(spec);
    List<PolicyRef> inherit = new ArrayList<>();
    for (DocumentObject ref : spec.objectList("inherit")) {
      String kindName = ref.string("kind");
      PolicyRef.Kind kind = PolicyRef.Kind.SYSTEM;
      if (kindName != null && !kindName.isEmpty()) {
        kind = ref.enumValue("kind", PolicyRef.Kind::fromWireName, REF_KINDS);
      }
      String name = ref.requiredString("name");
      ref.finish();
      inherit.add(new PolicyRef(kind == null ? PolicyRef.Kind.SYSTEM : kind, name));
    }
    SelinuxMode mode = spec.enumValue("mode", SelinuxMode::fromWireName, MODES);
    Boolean permissive = spec.bool("permissive");
    if (permissive != null) {
      SelinuxMode fromBool = permissive ? SelinuxMode.PERMISSIVE : SelinuxMode.ENFORCING;
      if (mode != null && mode != fromBool) {
        throw spec.error("permissive", "contradicts mode " + mode.wireName());
      }
      mode = fromBool;
    }
    Map<String, Map<String, List<String>>> allow = new LinkedHashMap<>();
    DocumentObject allowObject = spec.object("allow");
    if (allowObject != null) {
      for (String label : allowObject.unread().keySet()) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        DocumentObject classObject = allowObject.object(label);
        if (classObject != null) {
          for (String cls : classObject.unread().keySet()) {
            classes.put(cls, classObject.stringList(cls));
          }
          classObject.finish();
        }
        allow.put(label, classes);
      }
      allowObject.finish();
    }
    spec.finish();
    return new SelinuxProfile(metadata, new SelinuxSpec(state, inherit, mode, allow), decodeStatus(status));
  }

  static @Nullable SelinuxStatus decodeStatus(@Nullable DocumentObject status) {
    if (status == null) {
      return null;
    }
    SelinuxStatus out =
        new SelinuxStatus(
            CommonFields.readPhase(status),
            CommonFields.readConditions(status),
            status.string("usage"),
            status.stringList("activeWorkloads"));
    status.finish();
    return out;
  }

  static @Nullable Map<String, @Nullable Object> encodeStatus(@Nullable SelinuxStatus status) {
    if (status == null) {
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeStatusBase(out, status.status(), status.conditions());
    CommonFields.putIfNotNull(out, "usage", status.usage());
    CommonFields.putIfNotEmpty(out, "activeWorkloads", status.activeWorkloads());
    return out;
  }

  @Override
  public Map<String, @Nullable Object> encodeSpec(SelinuxProfile profile) {
    SelinuxSpec spec = profile.spec();
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeState(out, spec.state());
    if (!spec.inherit().isEmpty()) {
      List<Object> refs = new ArrayList<>();
      for (PolicyRef ref : spec.inherit()) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("kind", ref.kind().wireName());
        m.put("name", ref.name());
        refs.add(m);
      }
      out.put("inherit", refs);
    }
    if (spec.mode() != null) {
      out.put("mode", spec.mode().wireName());
    }
    if (!spec.allow().isEmpty()) {
      Map<String, @Nullable Object> allow = new LinkedHashMap<>();
      spec.allow().forEach((label, classes) -> allow.put(label, new LinkedHashMap<String, @Nullable Object>(classes)));
      out.put("allow", allow);
    }
    return out;
  }

  @Override
  public @Nullable Map<String, @Nullable Object> encodeStatus(SelinuxProfile profile) {
    return encodeStatus(profile.status());
  }

  @Override
  public List<Violation> validate(SelinuxProfile profile) {
    return SelinuxValidator.defaults().validate(profile);
  }
}
