package dev.spo.core.compose;

import static dev.spo.core.seccomp.SeccompAction.ALLOW;
import static dev.spo.core.seccomp.SeccompAction.ERRNO;
import static dev.spo.core.seccomp.SeccompAction.KILL;
import static dev.spo.core.seccomp.SeccompAction.KILL_PROCESS;
import static dev.spo.core.seccomp.SeccompAction.KILL_THREAD;
import static dev.spo.core.seccomp.SeccompAction.LOG;
import static dev.spo.core.seccomp.SeccompAction.NOTIFY;
import static dev.spo.core.seccomp.SeccompAction.TRACE;
import static dev.spo.core.seccomp.SeccompAction.TRAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyscallMergerTest {
  private static final SyscallArg A0 = SyscallArg.of(0, ArgOperator.EQ, 1);
  private static final SyscallArg A1 = SyscallArg.of(1, ArgOperator.NE, 2);
  private static final SyscallArg A2 = new SyscallArg(2, 0xff, 0x10, ArgOperator.MASKED_EQ);

  private static Syscall rule(SeccompAction action, @org.jspecify.annotations.Nullable Integer errno,
      List<SyscallArg> args, String... names) {
    return new Syscall(List.of(names), action, errno, args);
  }

  // ------------------------------------------------------------------ union

  @Test
  void unionWorkedExampleFromSpoCompat() {
    List<Syscall> base = List.of(Syscall.of(ALLOW, "a", "b", "c"), Syscall.of(LOG, "x", "y", "z"));
    List<Syscall> child = List.of(Syscall.of(ALLOW, "b", "c", "d"), Syscall.of(LOG, "x", "y", "z"));

    assertThat(SyscallMerger.union(base, child))
        .containsExactly(
            Syscall.of(ALLOW, "a"),
            Syscall.of(ALLOW, "b"),
            Syscall.of(ALLOW, "c"),
            Syscall.of(ALLOW, "d"),
            Syscall.of(LOG, "x"),
            Syscall.of(LOG, "y"),
            Syscall.of(LOG, "z"));
  }

  @Test
  void unionPicksLessRestrictiveActionInEitherDirection() {
    assertThat(SyscallMerger.union(List.of(Syscall.of(ERRNO, "open")), List.of(Syscall.of(LOG, "open"))))
        .containsExactly(Syscall.of(LOG, "open"));
    assertThat(SyscallMerger.union(List.of(Syscall.of(ALLOW, "open")), List.of(Syscall.of(KILL_PROCESS, "open"))))
        .containsExactly(Syscall.of(ALLOW, "open"));
  }

  @Test
  void unionFollowsTheFullRestrictivenessOrder() {
    SeccompAction[] leastToMost = {ALLOW, LOG, TRACE, NOTIFY, ERRNO, TRAP, KILL_THREAD, KILL_PROCESS};
    for (int i = 0; i < leastToMost.length; i++) {
      for (int j = i + 1; j < leastToMost.length; j++) {
        List<Syscall> merged =
            SyscallMerger.union(List.of(Syscall.of(leastToMost[j], "s")), List.of(Syscall.of(leastToMost[i], "s")));
        assertThat(merged).as("%s vs %s", leastToMost[j], leastToMost[i]).containsExactly(Syscall.of(leastToMost[i], "s"));
      }
    }
  }

  @Test
  void unionTieKeepsBaseAndItsErrno() {
    // KILL and KILL_THREAD rank equal: the base (left) entry stays.
    assertThat(SyscallMerger.union(List.of(Syscall.of(KILL, "s")), List.of(Syscall.of(KILL_THREAD, "s"))))
        .containsExactly(Syscall.of(KILL, "s"));
    assertThat(SyscallMerger.union(List.of(Syscall.of(KILL_THREAD, "s")), List.of(Syscall.of(KILL, "s"))))
        .containsExactly(Syscall.of(KILL_THREAD, "s"));
    assertThat(SyscallMerger.union(
            List.of(rule(ERRNO, 1, List.of(), "s")), List.of(rule(ERRNO, 38, List.of(), "s"))))
        .containsExactly(rule(ERRNO, 1, List.of(), "s"));
  }

  @Test
  void unionTakesErrnoFromTheWinningEntry() {
    assertThat(SyscallMerger.union(
            List.of(rule(KILL, null, List.of(), "s")), List.of(rule(ERRNO, 13, List.of(), "s"))))
        .containsExactly(rule(ERRNO, 13, List.of(), "s"));
    assertThat(SyscallMerger.union(
            List.of(rule(ERRNO, 13, List.of(), "s")), List.of(rule(ALLOW, null, List.of(), "s"))))
        .containsExactly(rule(ALLOW, null, List.of(), "s"));
  }

  @Test
  void unconditionalSideWinsArgs() {
    assertThat(SyscallMerger.union(List.of(rule(ALLOW, null, List.of(A0), "s")), List.of(Syscall.of(ERRNO, "s"))))
        .containsExactly(Syscall.of(ALLOW, "s"));
    assertThat(SyscallMerger.union(List.of(Syscall.of(LOG, "s")), List.of(rule(ALLOW, null, List.of(A0), "s"))))
        .containsExactly(Syscall.of(ALLOW, "s"));
  }

  @Test
  void conditionalArgsConcatenateLeftFirstWithoutDuplicates() {
    List<Syscall> merged = SyscallMerger.union(
        List.of(rule(ALLOW, null, List.of(A1, A0), "s")), List.of(rule(ALLOW, null, List.of(A0, A2), "s")));
    assertThat(merged).containsExactly(rule(ALLOW, null, List.of(A1, A0, A2), "s"));
  }

  @Test
  void duplicatesWithinOneSideCombineByTheSameRule() {
    List<Syscall> base = List.of(Syscall.of(ERRNO, "s", "t"), Syscall.of(ALLOW, "s"), Syscall.of(TRAP, "t"));
    assertThat(SyscallMerger.union(base, List.of()))
        .containsExactly(Syscall.of(ALLOW, "s"), Syscall.of(ERRNO, "t"));
    assertThat(SyscallMerger.normalize(base)).isEqualTo(SyscallMerger.union(base, List.of()));
  }

  @Test
  void namesOnOneSideAreCopiedAndResultIsSortedByName() {
    List<Syscall> merged = SyscallMerger.union(
        List.of(rule(ERRNO, 1, List.of(A0), "zeta")), List.of(Syscall.of(ALLOW, "alpha", "mu")));
    assertThat(merged)
        .containsExactly(Syscall.of(ALLOW, "alpha"), Syscall.of(ALLOW, "mu"), rule(ERRNO, 1, List.of(A0), "zeta"));
  }

  // ------------------------------------------------------------------ append

  @Test
  void appendWorkedExampleFromSpoCompat() {
    // The SPO unit test uses actions "foo" and "bar"; ALLOW < ERRNO sorts the same way as bar < foo.
    List<Syscall> base = List.of(Syscall.of(ERRNO, "c", "a", "b"), Syscall.of(ALLOW, "x", "y", "z"));
    List<Syscall> child = List.of(Syscall.of(ERRNO, "b", "d", "c"), Syscall.of(ALLOW, "z", "y", "x"));

    assertThat(SyscallMerger.append(base, child))
        .containsExactly(
            Syscall.of(ALLOW, "x", "y", "z"),
            Syscall.of(ALLOW, "x", "y", "z"),
            Syscall.of(ERRNO, "a", "b", "c"),
            Syscall.of(ERRNO, "b", "c", "d"));
  }

  @Test
  void appendKeepsArgsErrnoAndConflictsAndSortsStablyByWireName() {
    Syscall baseKill = rule(KILL_PROCESS, null, List.of(A0), "s");
    Syscall baseErrno = rule(ERRNO, 1, List.of(), "s");
    Syscall childErrno = rule(ERRNO, 2, List.of(), "t");
    Syscall childKill = Syscall.of(KILL, "s");
    // Wire names: SCMP_ACT_ERRNO < SCMP_ACT_KILL < SCMP_ACT_KILL_PROCESS.
    assertThat(SyscallMerger.append(List.of(baseKill, baseErrno), List.of(childErrno, childKill)))
        .containsExactly(baseErrno, childErrno, childKill, baseKill);
  }

  // ------------------------------------------------------------------ intersect

  private static SeccompSpec spec(SeccompAction def, Syscall... rules) {
    return SeccompSpec.builder().defaultAction(def).syscalls(List.of(rules)).build();
  }

  @Test
  void intersectKeepsOnlyWhatBothAllow() {
    SeccompSpec base = spec(ERRNO, Syscall.of(ALLOW, "read", "write", "open"));
    SeccompSpec child = spec(ERRNO, Syscall.of(ALLOW, "read", "write", "close"));

    SeccompSpec result = SyscallMerger.intersect(base, child);

    assertThat(result.defaultAction()).isEqualTo(ERRNO);
    // open and close fall to the default of the side that lacks them, which equals the result default.
    assertThat(result.syscalls()).containsExactly(Syscall.of(ALLOW, "read"), Syscall.of(ALLOW, "write"));
  }

  @Test
  void intersectUsesTheMissingSidesDefaultAndTheStricterDefault() {
    SeccompSpec base = SeccompSpec.builder().defaultAction(ERRNO).defaultErrnoRet(1)
        .syscalls(List.of(Syscall.of(ALLOW, "read"))).build();
    SeccompSpec child = spec(ALLOW, Syscall.of(KILL_PROCESS, "ptrace"), Syscall.of(LOG, "read"));

    SeccompSpec result = SyscallMerger.intersect(base, child);

    assertThat(result.defaultAction()).isEqualTo(ERRNO);
    assertThat(result.defaultErrnoRet()).isEqualTo(1);
    assertThat(result.syscalls()).containsExactly(Syscall.of(KILL_PROCESS, "ptrace"), Syscall.of(LOG, "read"));
  }

  @Test
  void intersectKeepsIdenticalConditionsAndDropsUncombinableOnes() {
    SeccompSpec same = SyscallMerger.intersect(
        spec(ERRNO, rule(ALLOW, null, List.of(A0, A1), "s")), spec(ERRNO, rule(LOG, null, List.of(A1, A0), "s")));
    assertThat(same.syscalls()).containsExactly(rule(LOG, null, List.of(A0, A1), "s"));

    // Different conditions: the strictest outcome either side can produce, here each side's default.
    SeccompSpec different = SyscallMerger.intersect(
        spec(ERRNO, rule(ALLOW, null, List.of(A0), "s")), spec(TRAP, rule(ALLOW, null, List.of(A1), "s")));
    assertThat(different.defaultAction()).isEqualTo(TRAP);
    assertThat(different.syscalls()).isEmpty();
  }

  @Test
  void intersectKeepsConditionWhenOtherSideIsNoStricterThanTheDefault() {
    SeccompSpec keep = SyscallMerger.intersect(
        spec(ERRNO, rule(ALLOW, null, List.of(A0), "s")), spec(ERRNO, Syscall.of(ALLOW, "s")));
    assertThat(keep.syscalls()).containsExactly(rule(ALLOW, null, List.of(A0), "s"));

    // The other side kills unconditionally, which a conditional rule could not carry over.
    SeccompSpec strip = SyscallMerger.intersect(
        spec(ALLOW, rule(ERRNO, 1, List.of(A0), "s")), spec(ALLOW, Syscall.of(KILL_PROCESS, "s")));
    assertThat(strip.syscalls()).containsExactly(Syscall.of(KILL_PROCESS, "s"));
  }

  @Test
  void intersectWithoutDefaultActionFails() {
    SeccompSpec noDefault = SeccompSpec.builder().syscalls(List.of(Syscall.of(ALLOW, "s"))).build();
    assertThatThrownBy(() -> SyscallMerger.intersect(noDefault, spec(ERRNO)))
        .isInstanceOf(CompositionException.class)
        .hasMessageContaining("defaultAction")
        .extracting(e -> ((CompositionException) e).reason())
        .isEqualTo(CompositionException.Reason.MERGE_FAILED);
  }

  // ------------------------------------------------------------------ specs and profiles

  @Test
  void mergeKeepsEveryOtherFieldFromTheChild() {
    SeccompSpec base = SeccompSpec.builder().defaultAction(KILL).baseProfileName("x")
        .syscalls(List.of(Syscall.of(ALLOW, "a"))).build();
    SeccompSpec child = SeccompSpec.builder().defaultAction(ERRNO).listenerMetadata("m")
        .syscalls(List.of(Syscall.of(ALLOW, "b"))).build();

    SeccompSpec merged = SyscallMerger.merge(MergeStrategy.UNION, base, child);

    assertThat(merged).isEqualTo(child.withSyscalls(List.of(Syscall.of(ALLOW, "a"), Syscall.of(ALLOW, "b"))));
  }

  @Test
  void mergeProfilesFoldsIntoTheFirst() {
    SeccompProfile first = SeccompProfile.of("rec-1", spec(ERRNO, Syscall.of(ALLOW, "read")));
    SeccompProfile second = SeccompProfile.of("rec-2", spec(LOG, Syscall.of(ALLOW, "write")));
    SeccompProfile third = SeccompProfile.of("rec-3", spec(LOG, Syscall.of(ERRNO, "read")));

    SeccompProfile merged = SyscallMerger.mergeProfiles(MergeStrategy.UNION, List.of(first, second, third));

    assertThat(merged.name()).isEqualTo("rec-1");
    assertThat(merged.spec().defaultAction()).isEqualTo(ERRNO);
    assertThat(merged.spec().syscalls()).containsExactly(Syscall.of(ALLOW, "read"), Syscall.of(ALLOW, "write"));

    SeccompProfile intersected = SyscallMerger.mergeProfiles(MergeStrategy.INTERSECT, List.of(second, first));
    assertThat(intersected.name()).isEqualTo("rec-2");
    assertThat(intersected.spec().defaultAction()).isEqualTo(ERRNO);
    // write: ALLOW ∩ (first's default ERRNO) = ERRNO, the new default, so no rule is needed;
    // read: (second's default LOG) ∩ ALLOW = LOG.
    assertThat(intersected.spec().syscalls()).containsExactly(Syscall.of(LOG, "read"));
  }
}
