package dev.spo.core.internal;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The syscall-list algorithms behind {@code dev.spo.core.compose.SyscallMerger}. Maps are keyed by
 * syscall name and hold single-name entries; callers that fold many lists (the composer) keep one
 * map across steps so that nothing is sorted or copied until the end.
 */
public final class SyscallMerging {
  private SyscallMerging() {}

  /**
   * One single-name entry per syscall name. Duplicates of a name within the list are combined with
   * {@link #unionPick}, earlier entries acting as the left side, as security-profiles-merger does.
   */
  public static HashMap<String, Syscall> normalizeToMap(List<Syscall> syscalls) {
    HashMap<String, Syscall> out = new HashMap<>(capacity(syscalls.size() * 2));
    for (Syscall s : syscalls) {
      List<String> names = s.names();
      if (names.size() == 1) {
        out.merge(names.get(0), s, SyscallMerging::unionPick);
      } else {
        for (String name : names) {
          out.merge(name, single(s, name), SyscallMerging::unionPick);
        }
      }
    }
    return out;
  }

  /** security-profiles-merger's union of two lists: one entry per name, sorted by name. */
  public static List<Syscall> union(List<Syscall> left, List<Syscall> right) {
    UnionAccumulator acc = new UnionAccumulator(right);
    acc.addBase(left);
    return acc.toSortedList();
  }

  /** One single-name entry per name, sorted by name, duplicates combined by {@link #unionPick}. */
  public static List<Syscall> normalize(List<Syscall> syscalls) {
    return new UnionAccumulator(syscalls).toSortedList();
  }

  /**
   * The less restrictive entry of two for one name; ties keep the left. An unconditional side makes
   * the result unconditional, otherwise the right's arguments are appended to the left's without
   * duplicates.
   */
  public static Syscall unionPick(Syscall left, Syscall right) {
    Syscall winner = right.action().restrictiveness() < left.action().restrictiveness() ? right : left;
    List<SyscallArg> args;
    if (left.args().isEmpty() || right.args().isEmpty()) {
      args = List.of();
    } else {
      List<SyscallArg> combined = new ArrayList<>(left.args());
      for (SyscallArg a : right.args()) {
        if (!combined.contains(a)) {
          combined.add(a);
        }
      }
      args = combined;
    }
    if (args.equals(winner.args())) {
      return winner;
    }
    return new Syscall(winner.names(), winner.action(), winner.errnoRet(), args);
  }

  /** The values of a name-keyed map as a list sorted by name. */
  public static List<Syscall> sortedByName(Map<String, Syscall> byName) {
    String[] names = byName.keySet().toArray(new String[0]);
    NameSort.sort(names);
    Syscall[] out = new Syscall[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = byName.get(names[i]);
    }
    return List.of(out);
  }

  /**
   * SPO v0.8 to v1.0: base entries then child entries, names sorted inside each entry, entries
   * stably sorted by the action's wire name. Nothing is de-duplicated.
   */
  public static List<Syscall> append(List<Syscall> base, List<Syscall> child) {
    List<Syscall> out = new ArrayList<>(base.size() + child.size());
    for (Syscall s : base) {
      out.add(sortNames(s));
    }
    for (Syscall s : child) {
      out.add(sortNames(s));
    }
    // List.sort is stable, which fixes the order Go's unstable sort left to chance.
    out.sort(Comparator.comparing(s -> s.action().wireName()));
    return List.copyOf(out);
  }

  private static Syscall sortNames(Syscall s) {
    if (s.names().size() < 2) {
      return s;
    }
    String[] names = s.names().toArray(new String[0]);
    Arrays.sort(names);
    return s.withNames(Arrays.asList(names));
  }

  /**
   * The syscall rules and default action of a filter that is never more permissive than either of
   * two filters. See {@code MergeStrategy.INTERSECT} for the rules; the proof obligations are noted
   * next to each case.
   */
  public static Intersection intersect(
      List<Syscall> left,
      SeccompAction leftDefault,
      @Nullable Integer leftDefaultErrno,
      List<Syscall> right,
      SeccompAction rightDefault,
      @Nullable Integer rightDefaultErrno) {
    boolean rightDefaultWins = rightDefault.restrictiveness() > leftDefault.restrictiveness();
    SeccompAction resultDefault = rightDefaultWins ? rightDefault : leftDefault;
    Integer resultDefaultErrno = rightDefaultWins ? rightDefaultErrno : leftDefaultErrno;

    HashMap<String, Syscall> lm = normalizeToMap(left);
    HashMap<String, Syscall> rm = normalizeToMap(right);
    HashSet<String> names = new HashSet<>(lm.keySet());
    names.addAll(rm.keySet());
    HashMap<String, Syscall> out = new HashMap<>(capacity(names.size()));
    for (String name : names) {
      Syscall l = lm.get(name);
      Syscall r = rm.get(name);
      Syscall lEff = l != null ? l : new Syscall(List.of(name), leftDefault, leftDefaultErrno, List.of());
      Syscall rEff = r != null ? r : new Syscall(List.of(name), rightDefault, rightDefaultErrno, List.of());
      Syscall merged = intersectPick(lEff, leftDefault, leftDefaultErrno, rEff, rightDefault, rightDefaultErrno,
          resultDefault);
      boolean redundant = merged.args().isEmpty()
          && merged.action() == resultDefault
          && Objects.equals(merged.errnoRet(), resultDefaultErrno);
      if (!redundant) {
        out.put(name, merged);
      }
    }
    return new Intersection(sortedByName(out), resultDefault, resultDefaultErrno);
  }

  private static Syscall intersectPick(
      Syscall l,
      SeccompAction ld,
      @Nullable Integer lde,
      Syscall r,
      SeccompAction rd,
      @Nullable Integer rde,
      SeccompAction resultDefault) {
    boolean lCond = !l.args().isEmpty();
    boolean rCond = !r.args().isEmpty();
    Syscall stricter = r.action().restrictiveness() > l.action().restrictiveness() ? r : l;
    if (!lCond && !rCond) {
      return stripArgs(stricter);
    }
    // With equal conditions both sides fall back to their defaults together, and the result's
    // default is at least as strict as either.
    if (lCond && rCond && new HashSet<>(l.args()).equals(new HashSet<>(r.args()))) {
      return new Syscall(l.names(), stricter.action(), stricter.errnoRet(), l.args());
    }
    // One conditional side: when its condition fails the result falls to its default, which must
    // then be at least as strict as the unconditional side's action.
    if (lCond != rCond) {
      Syscall conditional = lCond ? l : r;
      Syscall unconditional = lCond ? r : l;
      if (unconditional.action().restrictiveness() <= resultDefault.restrictiveness()) {
        return new Syscall(l.names(), stricter.action(), stricter.errnoRet(), conditional.args());
      }
    }
    // Conditions we cannot combine into one rule: take the strictest outcome either side can have
    // for this name, unconditionally. Safe, at the cost of precision.
    Syscall strictest = stripArgs(stricter);
    if (lCond && ld.restrictiveness() > strictest.action().restrictiveness()) {
      strictest = new Syscall(l.names(), ld, lde, List.of());
    }
    if (rCond && rd.restrictiveness() > strictest.action().restrictiveness()) {
      strictest = new Syscall(l.names(), rd, rde, List.of());
    }
    return strictest;
  }

  private static Syscall stripArgs(Syscall s) {
    return s.args().isEmpty() ? s : s.withArgs(List.of());
  }

  private static Syscall single(Syscall s, String name) {
    return new Syscall(List.of(name), s.action(), s.errnoRet(), s.args());
  }

  private static int capacity(int expected) {
    return Math.max(16, (int) (expected / 0.75f) + 1);
  }

  /**
   * Result of {@link #intersect}.
   *
   * @param syscalls one entry per name, sorted by name, without entries equal to the default
   * @param defaultAction the stricter of the two default actions (left on a tie)
   * @param defaultErrnoRet the errno that goes with {@code defaultAction}
   */
  public record Intersection(List<Syscall> syscalls, SeccompAction defaultAction, @Nullable Integer defaultErrnoRet) {
    public Intersection {
      syscalls = List.copyOf(syscalls);
      Objects.requireNonNull(defaultAction, "defaultAction");
    }
  }
}
