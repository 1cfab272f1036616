package dev.spo.apparmor;

import dev.spo.core.validate.ValidationException;
import dev.spo.apparmor.internal.PathSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Union of AppArmor profiles with the semantics of security-profiles-merger's
 * {@code apparmor.Union}, which SPO uses to merge recorded profiles: the result permits what any
 * input permits. Paths are normalised (repeated slashes, {@code .} and {@code ..} in the literal
 * part removed) and de-duplicated; capability, executable and library sets are unioned (a path a
 * glob of the other side already grants is not added); network booleans are OR-ed (unset defers
 * to the other side); a path one side reads and the other writes becomes read-write (also when a
 * glob of one side covers a literal of the other); an absent section takes the other side's; every
 * list is sorted. Capabilities come out lower case (what AppArmor accepts). Ptrace access is
 * unioned; differing peers widen to any peer.
 */
public final class AppArmorMerger {
  private AppArmorMerger() {}

  /**
   * The union of two or more profiles. The result has the first profile's metadata, state and
   * mode (Complain if any input is in Complain mode, since it then permits more).
   *
   * @throws ValidationException when an input is invalid
   */
  public static AppArmorProfile union(AppArmorProfile first, AppArmorProfile... others) {
    AppArmorValidator.check(first);
    AppArmorAbstract merged = normalize(first.spec().abstractRules());
    AppArmorMode mode = first.spec().mode();
    for (AppArmorProfile other : others) {
      AppArmorValidator.check(other);
      merged = mergeTwo(merged, normalize(other.spec().abstractRules()));
      if (other.spec().effectiveMode() == AppArmorMode.COMPLAIN) {
        mode = AppArmorMode.COMPLAIN;
      }
    }
    AppArmorAbstract sorted = sort(merged);
    return first.withSpec(new AppArmorSpec(first.spec().state(), sorted, mode));
  }

  /** The union of two abstracts (inputs are assumed valid). */
  public static AppArmorAbstract union(AppArmorAbstract left, AppArmorAbstract right) {
    return sort(mergeTwo(normalize(left), normalize(right)));
  }

  private static AppArmorAbstract mergeTwo(AppArmorAbstract l, AppArmorAbstract r) {
    return new AppArmorAbstract(
        executable(l.executable(), r.executable()),
        filesystem(l.filesystem(), r.filesystem()),
        network(l.network(), r.network()),
        capability(l.capability(), r.capability()),
        ptrace(l.ptrace(), r.ptrace()));
  }

  private static @Nullable ExecutableRules executable(@Nullable ExecutableRules l, @Nullable ExecutableRules r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    return new ExecutableRules(
        unionPaths(l.allowedExecutables(), r.allowedExecutables()),
        unionPaths(l.allowedLibraries(), r.allowedLibraries()));
  }

  private static List<String> unionPaths(List<String> left, List<String> right) {
    PathSet set = new PathSet(left);
    for (String p : right) {
      if (!set.covers(p)) {
        set.add(p);
      }
    }
    return set.paths();
  }

  private static @Nullable FilesystemRules filesystem(@Nullable FilesystemRules l, @Nullable FilesystemRules r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    PathSet read = new PathSet(l.readOnlyPaths());
    PathSet write = new PathSet(l.writeOnlyPaths());
    PathSet rw = new PathSet(l.readWritePaths());
    for (String p : r.readWritePaths()) {
      if (rw.covers(p)) {
        continue;
      }
      if (read.popExact(p) | write.popExact(p)) {
        rw.add(p);
        continue;
      }
      boolean glob = PathSet.isGlob(p);
      if (!glob && (read.matches(p) || write.matches(p))) {
        rw.add(p);
        continue;
      }
      if (glob) {
        read.popCoveredLiterals(p).forEach(rw::add);
        write.popCoveredLiterals(p).forEach(rw::add);
      }
      rw.add(p);
    }
    for (String p : r.readOnlyPaths()) {
      if (rw.covers(p) || read.covers(p)) {
        continue;
      }
      if (write.popExact(p)) {
        rw.add(p);
        continue;
      }
      boolean glob = PathSet.isGlob(p);
      if (!glob && write.matches(p)) {
        rw.add(p);
        continue;
      }
      if (glob) {
        write.popCoveredLiterals(p).forEach(rw::add);
      }
      read.add(p);
    }
    for (String p : r.writeOnlyPaths()) {
      if (rw.covers(p)) {
        continue;
      }
      if (read.popExact(p)) {
        rw.add(p);
        continue;
      }
      boolean glob = PathSet.isGlob(p);
      if (!glob && read.matches(p)) {
        rw.add(p);
        continue;
      }
      if (glob) {
        read.popCoveredLiterals(p).forEach(rw::add);
      }
      if (!write.covers(p)) {
        write.add(p);
      }
    }
    return new FilesystemRules(read.paths(), write.paths(), rw.paths());
  }

  private static @Nullable Boolean or(@Nullable Boolean l, @Nullable Boolean r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    return l || r;
  }

  private static @Nullable NetworkRules network(@Nullable NetworkRules l, @Nullable NetworkRules r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    Boolean tcp;
    Boolean udp;
    if (l.hasProtocols() && r.hasProtocols()) {
      tcp = or(l.allowTcp(), r.allowTcp());
      udp = or(l.allowUdp(), r.allowUdp());
    } else if (l.hasProtocols()) {
      tcp = l.allowTcp();
      udp = l.allowUdp();
    } else {
      tcp = r.allowTcp();
      udp = r.allowUdp();
    }
    return new NetworkRules(or(l.allowRaw(), r.allowRaw()), tcp, udp, l.hasProtocols() || r.hasProtocols());
  }

  private static @Nullable CapabilityRules capability(@Nullable CapabilityRules l, @Nullable CapabilityRules r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(l.allowedCapabilities());
    all.addAll(r.allowedCapabilities());
    return new CapabilityRules(new ArrayList<>(all));
  }

  private static @Nullable PtraceRules ptrace(@Nullable PtraceRules l, @Nullable PtraceRules r) {
    if (l == null || r == null) {
      return l == null ? r : l;
    }
    LinkedHashSet<String> access = new LinkedHashSet<>(l.allowedAccess());
    access.addAll(r.allowedAccess());
    String peer = l.peer() != null && l.peer().equals(r.peer()) ? l.peer() : null;
    return new PtraceRules(new ArrayList<>(access), peer);
  }

  private static AppArmorAbstract normalize(AppArmorAbstract a) {
    ExecutableRules e = a.executable();
    FilesystemRules f = a.filesystem();
    CapabilityRules c = a.capability();
    return new AppArmorAbstract(
        e == null ? null : new ExecutableRules(paths(e.allowedExecutables()), paths(e.allowedLibraries())),
        f == null ? null : new FilesystemRules(paths(f.readOnlyPaths()), paths(f.writeOnlyPaths()), paths(f.readWritePaths())),
        a.network(),
        c == null
            ? null
            : new CapabilityRules(
                new ArrayList<>(
                    new LinkedHashSet<>(c.allowedCapabilities().stream().map(AppArmorValidator::normalizeCapability).toList()))),
        a.ptrace());
  }

  private static List<String> paths(List<String> in) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String p : in) {
      out.add(AppArmorValidator.legacyPtraceAccess(p) != null ? p : normalizePath(p));
    }
    return new ArrayList<>(out);
  }

  /** Cleans the literal part of a path; a literal keeps its trailing slash (a directory rule). */
  static String normalizePath(String path) {
    if (PathSet.isGlob(path)) {
      String prefix = path.substring(0, firstGlob(path));
      int slash = prefix.lastIndexOf('/');
      if (slash < 0) {
        return path;
      }
      String dir = cleanPath(prefix.substring(0, slash + 1));
      if (!dir.equals("/")) {
        dir += "/";
      }
      return dir + path.substring(slash + 1);
    }
    String cleaned = cleanPath(path);
    if (path.endsWith("/") && !cleaned.equals("/")) {
      cleaned += "/";
    }
    return cleaned;
  }

  private static int firstGlob(String path) {
    int end = path.length();
    for (String token : new String[] {"*", "?", "@{"}) {
      int i = path.indexOf(token);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return end;
  }

  /** Go's {@code path.Clean} for absolute paths. */
  static String cleanPath(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return "/" + String.join("/", parts);
  }

  private static AppArmorAbstract sort(AppArmorAbstract a) {
    ExecutableRules e = a.executable();
    FilesystemRules f = a.filesystem();
    CapabilityRules c = a.capability();
    PtraceRules p = a.ptrace();
    return new AppArmorAbstract(
        e == null ? null : new ExecutableRules(sorted(e.allowedExecutables()), sorted(e.allowedLibraries())),
        f == null ? null : new FilesystemRules(sorted(f.readOnlyPaths()), sorted(f.writeOnlyPaths()), sorted(f.readWritePaths())),
        a.network(),
        c == null ? null : new CapabilityRules(sorted(c.allowedCapabilities())),
        p == null ? null : new PtraceRules(sorted(p.allowedAccess()), p.peer()));
  }

  private static List<String> sorted(List<String> in) {
    return in.stream().sorted().toList();
  }
}
