package dev.spo.core.validate;

import dev.spo.core.Profile;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import dev.spo.core.spi.ProfileKind;
import dev.spo.core.spi.ProfileKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks profiles against SPO's CRD rules and the semantic rules a runtime will enforce, and
 * reports every problem at once with its JSON pointer. Immutable and thread-safe.
 */
public final class ProfileValidator {
  private static final Pattern LISTENER_PATH = Pattern.compile("^/var/run/security-profiles-operator/[a-zA-Z0-9_\\-.]+$");
  private static final ProfileValidator DEFAULTS = builder().build();

  private final ErrnoRetStrictness errnoRetStrictness;
  private final @Nullable AllowList allowList;
  private final ProfileKinds kinds;

  private ProfileValidator(Builder b) {
    this.errnoRetStrictness = b.errnoRetStrictness;
    this.allowList = b.allowList;
    this.kinds = b.kinds == null ? ProfileKinds.loaded() : b.kinds;
  }

  /** runc strictness, no allow list. */
  public static ProfileValidator defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every violation of the profile; other kinds are checked by their {@link ProfileKind}. */
  @SuppressWarnings("unchecked")
  public <P extends Profile> ValidationResult validate(P profile) {
    List<Violation> out = new ArrayList<>();
    if (profile.metadata().name().isEmpty()) {
      out.add(Violation.error("/metadata/name", "name is required"));
    }
    if (profile instanceof SeccompProfile seccomp) {
      validateSpec(seccomp.spec(), out);
    } else {
      ProfileKind<P> kind = (ProfileKind<P>) kinds.forType(profile.getClass());
      if (kind != null) {
        out.addAll(kind.validate(profile));
      }
    }
    return new ValidationResult(profile.metadata().name(), out);
  }

  /** Violations of a seccomp spec, with pointers below {@code /spec}. */
  public List<Violation> validate(SeccompSpec spec) {
    List<Violation> out = new ArrayList<>();
    validateSpec(spec, out);
    return out;
  }

  private void validateSpec(SeccompSpec spec, List<Violation> out) {
    if (spec.defaultAction() == null) {
      out.add(Violation.error("/spec/defaultAction", "defaultAction is required"));
    }
    if (spec.listenerPath() != null && !LISTENER_PATH.matcher(spec.listenerPath()).matches()) {
      out.add(Violation.error("/spec/listenerPath",
          "'" + spec.listenerPath() + "' does not match " + LISTENER_PATH.pattern()));
    }
    duplicates(spec.architectures(), "/spec/architectures", SeccompArch::wireName, out);
    if (spec.flags() != null) {
      duplicates(spec.flags(), "/spec/flags", SeccompFlag::wireName, out);
    }
    SeccompArch.Endianness seen = null;
    for (int i = 0; i < spec.architectures().size(); i++) {
      SeccompArch.Endianness e = spec.architectures().get(i).endianness();
      if (e == SeccompArch.Endianness.HOST) {
        continue;
      }
      if (seen != null && seen != e) {
        out.add(Violation.error("/spec/architectures/" + i,
            spec.architectures().get(i).wireName() + " is " + e.name().toLowerCase(java.util.Locale.ROOT)
                + "-endian but earlier architectures are " + seen.name().toLowerCase(java.util.Locale.ROOT)
                + "-endian; one filter cannot mix byte orders"));
        break;
      }
      seen = e;
    }
    if (spec.defaultErrnoRet() != null && spec.defaultAction() != null && !spec.defaultAction().takesErrno()) {
      errnoRetOnWrongAction("/spec/defaultErrnoRet", spec.defaultAction(), out);
    }

    Map<String, Unconditional> unconditional = new HashMap<>();
    for (int i = 0; i < spec.syscalls().size(); i++) {
      Syscall s = spec.syscalls().get(i);
      String at = "/spec/syscalls/" + i;
      if (s.names().isEmpty()) {
        out.add(Violation.error(at + "/names", "names must contain at least one syscall name"));
      }
      Set<String> inEntry = new HashSet<>();
      for (int j = 0; j < s.names().size(); j++) {
        String name = s.names().get(j);
        if (name.isEmpty()) {
          out.add(Violation.error(at + "/names/" + j, "syscall name must not be empty"));
        } else if (!inEntry.add(name)) {
          out.add(Violation.error(at + "/names/" + j, "'" + name + "' appears twice in this entry (names is a set)"));
        }
      }
      if (s.errnoRet() != null) {
        if (s.errnoRet() < 0) {
          out.add(Violation.error(at + "/errnoRet", "errnoRet must be >= 0"));
        }
        if (!s.action().takesErrno()) {
          errnoRetOnWrongAction(at + "/errnoRet", s.action(), out);
        }
      }
      if (s.args().size() > 6) {
        out.add(Violation.error(at + "/args", "at most 6 argument conditions are allowed, found " + s.args().size()));
      }
      for (int k = 0; k < s.args().size(); k++) {
        SyscallArg a = s.args().get(k);
        String argAt = at + "/args/" + k;
        if (a.index() < 0 || a.index() > 5) {
          out.add(Violation.error(argAt + "/index", "index must be between 0 and 5, found " + a.index()));
        }
        if (a.value() < 0) {
          out.add(Violation.error(argAt + "/value",
              "value " + Long.toUnsignedString(a.value()) + " is outside the CRD range 0..9223372036854775807"));
        }
        if (a.valueTwo() < 0) {
          out.add(Violation.error(argAt + "/valueTwo",
              "valueTwo " + Long.toUnsignedString(a.valueTwo()) + " is outside the CRD range 0..9223372036854775807"));
        }
      }
      if (s.args().isEmpty()) {
        for (int j = 0; j < s.names().size(); j++) {
          String name = s.names().get(j);
          Unconditional earlier = unconditional.putIfAbsent(name, new Unconditional(i, s.action()));
          if (earlier != null && earlier.action != s.action()) {
            out.add(Violation.error(at + "/names/" + j,
                "'" + name + "' is " + s.action().wireName() + " here but " + earlier.action.wireName()
                    + " in /spec/syscalls/" + earlier.entry + "; libseccomp rejects conflicting rules"));
          }
        }
      }
    }
    if (allowList != null) {
      checkAllowList(spec, allowList, out);
    }
  }

  private record Unconditional(int entry, SeccompAction action) {}

  private void errnoRetOnWrongAction(String pointer, SeccompAction action, List<Violation> out) {
    String message = action.wireName() + " takes no errnoRet (only SCMP_ACT_ERRNO and SCMP_ACT_TRACE do); "
        + (errnoRetStrictness == ErrnoRetStrictness.CRUN ? "crun rejects it" : "runc ignores it");
    out.add(errnoRetStrictness == ErrnoRetStrictness.CRUN
        ? Violation.error(pointer, message)
        : Violation.warning(pointer, message));
  }

  private static void checkAllowList(SeccompSpec spec, AllowList allowList, List<Violation> out) {
    if (allowList.allowedSyscalls().isEmpty()) {
      return;
    }
    if (spec.defaultAction() != null && allowList.checkedActions().contains(spec.defaultAction())) {
      out.add(Violation.error("/spec/defaultAction",
          "seccomp profile not allowed: default action " + spec.defaultAction().wireName()
              + " would allow syscalls outside the allow list"));
    }
    for (int i = 0; i < spec.syscalls().size(); i++) {
      Syscall s = spec.syscalls().get(i);
      if (!allowList.checkedActions().contains(s.action())) {
        continue;
      }
      for (int j = 0; j < s.names().size(); j++) {
        if (!allowList.allowedSyscalls().contains(s.names().get(j))) {
          out.add(Violation.error("/spec/syscalls/" + i + "/names/" + j, "syscall not allowed: " + s.names().get(j)));
        }
      }
    }
  }

  private static <T> void duplicates(List<T> values, String pointer, java.util.function.Function<T, String> name, List<Violation> out) {
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        out.add(Violation.error(pointer + "/" + i, name.apply(values.get(i)) + " appears twice (the list is a set)"));
      }
    }
  }

  /** Builder for {@link ProfileValidator}. */
  public static final class Builder {
    private ErrnoRetStrictness errnoRetStrictness = ErrnoRetStrictness.RUNC;
    private @Nullable AllowList allowList;
    private @Nullable ProfileKinds kinds;

    private Builder() {}

    public Builder errnoRetStrictness(ErrnoRetStrictness value) {
      this.errnoRetStrictness = Objects.requireNonNull(value);
      return this;
    }

    /** Enables SPO's operator allow-list check. */
    public Builder allowList(@Nullable AllowList value) {
      this.allowList = value;
      return this;
    }

    /** Kinds whose own validation is used for non-seccomp profiles; default {@link ProfileKinds#loaded()}. */
    public Builder kinds(ProfileKinds value) {
      this.kinds = Objects.requireNonNull(value);
      return this;
    }

    public ProfileValidator build() {
      return new ProfileValidator(this);
    }
  }
}
