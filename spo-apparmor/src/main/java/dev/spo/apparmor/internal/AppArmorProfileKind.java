package dev.spo.apparmor.internal;

import dev.spo.apparmor.AppArmorValidator;
import dev.spo.core.validate.Violation;
import dev.spo.apparmor.AppArmorAbstract;
import dev.spo.apparmor.AppArmorMode;
import dev.spo.apparmor.AppArmorProfile;
import dev.spo.apparmor.AppArmorSpec;
import dev.spo.apparmor.AppArmorStatus;
import dev.spo.apparmor.CapabilityRules;
import dev.spo.apparmor.ExecutableRules;
import dev.spo.apparmor.FilesystemRules;
import dev.spo.apparmor.NetworkRules;
import dev.spo.apparmor.PtraceRules;
import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.ProfileState;
import dev.spo.core.spi.CommonFields;
import dev.spo.core.spi.DocumentObject;
import dev.spo.core.spi.ProfileKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The AppArmorProfile kind for the codecs ({@code v1}, and {@code v1alpha1} with {@code complainMode}). */
public final class AppArmorProfileKind implements ProfileKind<AppArmorProfile> {
  private static final List<String> MODES = Arrays.stream(AppArmorMode.values()).map(AppArmorMode::wireName).toList();

  @Override
  public String kind() {
    return AppArmorProfile.KIND;
  }

  @Override
  public Class<AppArmorProfile> type() {
    return AppArmorProfile.class;
  }

  @Override
  public Set<String> apiVersions() {
    return Set.of(Profile.API_VERSION_V1, Profile.API_GROUP + "/v1alpha1");
  }

  @Override
  public AppArmorProfile decode(
      String apiVersion, ObjectMeta metadata, DocumentObject spec, @Nullable DocumentObject status) {
    ProfileState state = CommonFields.readState(spec);
    AppArmorMode mode = spec.enumValue("mode", AppArmorMode::fromWireName, MODES);
    Boolean complain = spec.bool("complainMode");
    if (complain != null) {
      AppArmorMode fromBool = complain ? AppArmorMode.COMPLAIN : AppArmorMode.ENFORCE;
      if (mode != null && mode != fromBool) {
        throw spec.error("complainMode", "contradicts mode " + mode.wireName());
      }
      mode = fromBool;
    }
    AppArmorAbstract abs = AppArmorAbstract.EMPTY;
    DocumentObject a = spec.object("abstract");
    if (a != null) {
      abs = decodeAbstract(a);
    }
    spec.finish();
    AppArmorStatus decodedStatus = null;
    if (status != null) {
      decodedStatus =
          new AppArmorStatus(
              CommonFields.readPhase(status),
              CommonFields.readConditions(status),
              status.stringList("activeWorkloads"),
              status.int32("activeWorkloadsCount"));
      status.finish();
    }
    return new AppArmorProfile(metadata, new AppArmorSpec(state, abs, mode), decodedStatus);
  }

  private static AppArmorAbstract decodeAbstract(DocumentObject a) {
    ExecutableRules exec = null;
    DocumentObject e = a.object("executable");
    if (e != null) {
      exec = new ExecutableRules(e.stringList("allowedExecutables"), e.stringList("allowedLibraries"));
      e.finish();
    }
    FilesystemRules fs = null;
    DocumentObject f = a.object("filesystem");
    if (f != null) {
      fs = new FilesystemRules(f.stringList("readOnlyPaths"), f.stringList("writeOnlyPaths"), f.stringList("readWritePaths"));
      f.finish();
    }
    NetworkRules net = null;
    DocumentObject n = a.object("network");
    if (n != null) {
      Boolean raw = n.bool("allowRaw");
      DocumentObject p = n.object("allowedProtocols");
      Boolean tcp = null;
      Boolean udp = null;
      if (p != null) {
        tcp = p.bool("allowTcp");
        udp = p.bool("allowUdp");
        p.finish();
      }
      n.finish();
      net = new NetworkRules(raw, tcp, udp, p != null);
    }
    CapabilityRules caps = null;
    DocumentObject c = a.object("capability");
    if (c != null) {
      caps = new CapabilityRules(c.stringList("allowedCapabilities"));
      c.finish();
    }
    PtraceRules ptrace = null;
    DocumentObject t = a.object("ptrace");
    if (t != null) {
      ptrace = new PtraceRules(t.stringList("allowedAccess"), t.string("peer"));
      t.finish();
    }
    a.finish();
    return new AppArmorAbstract(exec, fs, net, caps, ptrace);
  }

  @Override
  public Map<String, @Nullable Object> encodeSpec(AppArmorProfile profile) {
    AppArmorSpec spec = profile.spec();
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeState(out, spec.state());
    AppArmorAbstract a = spec.abstractRules();
    Map<String, @Nullable Object> abs = new LinkedHashMap<>();
    if (a.executable() != null) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      CommonFields.putIfNotEmpty(m, "allowedExecutables", a.executable().allowedExecutables());
      CommonFields.putIfNotEmpty(m, "allowedLibraries", a.executable().allowedLibraries());
      abs.put("executable", m);
    }
    if (a.filesystem() != null) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      CommonFields.putIfNotEmpty(m, "readOnlyPaths", a.filesystem().readOnlyPaths());
      CommonFields.putIfNotEmpty(m, "writeOnlyPaths", a.filesystem().writeOnlyPaths());
      CommonFields.putIfNotEmpty(m, "readWritePaths", a.filesystem().readWritePaths());
      abs.put("filesystem", m);
    }
    NetworkRules net = a.network();
    if (net != null) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      CommonFields.putIfNotNull(m, "allowRaw", net.allowRaw());
      if (net.hasProtocols()) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        CommonFields.putIfNotNull(p, "allowTcp", net.allowTcp());
        CommonFields.putIfNotNull(p, "allowUdp", net.allowUdp());
        m.put("allowedProtocols", p);
      }
      abs.put("network", m);
    }
    if (a.capability() != null) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      CommonFields.putIfNotEmpty(m, "allowedCapabilities", a.capability().allowedCapabilities());
      abs.put("capability", m);
    }
    if (a.ptrace() != null) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      CommonFields.putIfNotEmpty(m, "allowedAccess", a.ptrace().allowedAccess());
      CommonFields.putIfNotNull(m, "peer", a.ptrace().peer());
      abs.put("ptrace", m);
    }
    if (!abs.isEmpty()) {
      out.put("abstract", abs);
    }
    if (spec.mode() != null) {
      out.put("mode", spec.mode().wireName());
    }
    return out;
  }

  @Override
  public @Nullable Map<String, @Nullable Object> encodeStatus(AppArmorProfile profile) {
    AppArmorStatus status = profile.status();
    if (status == null) {
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    CommonFields.writeStatusBase(out, status.status(), status.conditions());
    CommonFields.putIfNotEmpty(out, "activeWorkloads", status.activeWorkloads());
    CommonFields.putIfNotNull(out, "activeWorkloadsCount", status.activeWorkloadsCount());
    return out;
  }

  @Override
  public List<Violation> validate(AppArmorProfile profile) {
    return AppArmorValidator.validate(profile);
  }
}
