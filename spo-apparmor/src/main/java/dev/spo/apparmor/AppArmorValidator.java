package dev.spo.apparmor;

import dev.spo.core.validate.Violation;
import dev.spo.core.validate.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SPO's checks of the data that goes into AppArmor profile text (crd2armor {@code Validate}), so
 * nothing malformed reaches {@code apparmor_parser}: the profile name, every path (absolute, safe
 * characters, globs, {@code @{var}} variables; no commas, quotes, newlines or brace groups), no
 * {@code ..} in executables and libraries, the capability allow-list (case-insensitive, trimmed),
 * and ptrace rules. Unlike SPO, which stops at the first problem, every problem is reported.
 * Entries of the deprecated form {@code ptrace (read),} in path lists are ptrace rules, not paths.
 */
public final class AppArmorValidator {
  static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_./-]+$");
  static final Pattern PATH = Pattern.compile("^/(?:[a-zA-Z0-9_./*?+@ -]|@\\{[a-zA-Z0-9_]+\\})*$");
  static final Pattern LEGACY_PTRACE = Pattern.compile("^ptrace\\s*\\(([a-zA-Z]+)\\),(?:\\s*#.*)?$");
  static final Pattern PTRACE_PEER = Pattern.compile("^(?:[a-zA-Z0-9_./*?-]|@\\{profile_name\\})+$");
  static final Set<String> PTRACE_ACCESS = Set.of("r", "w", "rw", "read", "readby", "trace", "tracedby");

  /** Capabilities AppArmor profiles may allow (lower case, without {@code CAP_}). */
  public static final Set<String> CAPABILITIES =
      Set.of(
          "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "kill", "setgid", "setuid",
          "setpcap", "linux_immutable", "net_bind_service", "net_broadcast", "net_admin", "net_raw",
          "ipc_lock", "ipc_owner", "sys_module", "sys_rawio", "sys_chroot", "sys_ptrace", "sys_pacct",
          "sys_admin", "sys_boot", "sys_nice", "sys_resource", "sys_time", "sys_tty_config", "mknod",
          "lease", "audit_write", "audit_control", "setfcap", "mac_override", "mac_admin", "syslog",
          "wake_alarm", "block_suspend", "audit_read", "perfmon", "bpf", "checkpoint_restore");

  private AppArmorValidator() {}

  /** Every problem of the profile, in document order; empty when it is valid. */
  public static List<Violation> validate(AppArmorProfile profile) {
    List<Violation> out = new ArrayList<>();
    String name = profile.name();
    if (!NAME.matcher(name).matches()) {
      out.add(Violation.error("/metadata/name", "'" + name + "' must match " + NAME.pattern()));
    }
    AppArmorAbstract a = profile.spec().abstractRules();
    String base = "/spec/abstract";
    ExecutableRules exec = a.executable();
    if (exec != null) {
      executables(exec.allowedExecutables(), base + "/executable/allowedExecutables", out);
      executables(exec.allowedLibraries(), base + "/executable/allowedLibraries", out);
    }
    FilesystemRules fs = a.filesystem();
    if (fs != null) {
      paths(fs.readOnlyPaths(), base + "/filesystem/readOnlyPaths", out);
      paths(fs.writeOnlyPaths(), base + "/filesystem/writeOnlyPaths", out);
      paths(fs.readWritePaths(), base + "/filesystem/readWritePaths", out);
    }
    CapabilityRules caps = a.capability();
    if (caps != null) {
      List<String> list = caps.allowedCapabilities();
      for (int i = 0; i < list.size(); i++) {
        if (!CAPABILITIES.contains(normalizeCapability(list.get(i)))) {
          out.add(
              Violation.error(
                  base + "/capability/allowedCapabilities/" + i, "invalid or forbidden capability '" + list.get(i) + "'"));
        }
      }
    }
    PtraceRules ptrace = a.ptrace();
    if (ptrace != null && (!ptrace.allowedAccess().isEmpty() || ptrace.peer() != null)) {
      if (ptrace.allowedAccess().isEmpty()) {
        out.add(Violation.error(base + "/ptrace/allowedAccess", "ptrace rule without access"));
      }
      for (int i = 0; i < ptrace.allowedAccess().size(); i++) {
        String access = ptrace.allowedAccess().get(i);
        if (!PTRACE_ACCESS.contains(access)) {
          out.add(Violation.error(base + "/ptrace/allowedAccess/" + i, "invalid ptrace access '" + access + "'"));
        }
      }
      String peer = ptrace.peer();
      if (peer != null && !PTRACE_PEER.matcher(peer).matches()) {
        out.add(Violation.error(base + "/ptrace/peer", "invalid ptrace peer '" + peer + "'"));
      }
    }
    return out;
  }

  /** Fails with every problem of the profile. */
  public static void check(AppArmorProfile profile) {
    List<Violation> v = validate(profile);
    if (!v.isEmpty()) {
      throw new ValidationException(profile.name(), v);
    }
  }

  /** Lower case without surrounding white space, as AppArmor expects capability names. */
  public static String normalizeCapability(String capability) {
    return capability.strip().toLowerCase(Locale.ROOT);
  }

  /** The access of a deprecated {@code ptrace (x),} entry in a path list, or null. */
  static @Nullable String legacyPtraceAccess(String entry) {
    Matcher m = LEGACY_PTRACE.matcher(entry);
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static void paths(List<String> list, String pointer, List<Violation> out) {
    for (int i = 0; i < list.size(); i++) {
      String entry = list.get(i);
      if (!legacyOk(entry, pointer + "/" + i, out) && !PATH.matcher(entry).matches()) {
        out.add(Violation.error(pointer + "/" + i, "path must contain only safe characters: '" + entry + "'"));
      }
    }
  }

  private static void executables(List<String> list, String pointer, List<Violation> out) {
    for (int i = 0; i < list.size(); i++) {
      String entry = list.get(i);
      if (legacyOk(entry, pointer + "/" + i, out)) {
        continue;
      }
      if (!PATH.matcher(entry).matches()) {
        out.add(
            Violation.error(pointer + "/" + i, "path must be absolute and contain only safe characters: '" + entry + "'"));
      } else if (entry.contains("/../") || entry.startsWith("/..")) {
        out.add(Violation.error(pointer + "/" + i, "path cannot contain directory traversal: '" + entry + "'"));
      }
    }
  }

  /** True when the entry is a legacy ptrace rule (checking its access). */
  private static boolean legacyOk(String entry, String pointer, List<Violation> out) {
    String access = legacyPtraceAccess(entry);
    if (access == null) {
      return false;
    }
    if (!PTRACE_ACCESS.contains(access)) {
      out.add(Violation.error(pointer, "invalid ptrace access '" + access + "'"));
    }
    return true;
  }
}
