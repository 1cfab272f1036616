package dev.spo.core.compose;

import static dev.spo.core.seccomp.SeccompAction.ALLOW;
import static dev.spo.core.seccomp.SeccompAction.ERRNO;
import static dev.spo.core.seccomp.SeccompAction.KILL_PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {
  private static final SyscallArg A0 = SyscallArg.of(0, ArgOperator.EQ, 1);
  private static final SyscallArg A1 = SyscallArg.of(1, ArgOperator.EQ, 2);

  private static SeccompSpec spec(SeccompAction def, Syscall... rules) {
    return SeccompSpec.builder().defaultAction(def).syscalls(List.of(rules)).build();
  }

  @Test
  void regroupingNamesIsNoDifference() {
    ProfileDiff diff = ProfileDiff.diff(
        spec(ERRNO, Syscall.of(ALLOW, "read", "write"), new Syscall(List.of("open"), ALLOW, null, List.of(A0, A1))),
        spec(ERRNO, Syscall.of(ALLOW, "write"), new Syscall(List.of("open"), ALLOW, null, List.of(A1, A0)),
            Syscall.of(ALLOW, "read")));
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.syscalls()).isEmpty();
  }

  @Test
  void reportsAddedRemovedChangedAndDefault() {
    ProfileDiff diff = ProfileDiff.diff(
        spec(ERRNO,
            Syscall.of(ALLOW, "read", "close"),
            new Syscall(List.of("mkdir"), ERRNO, 1, List.of()),
            new Syscall(List.of("open"), ALLOW, null, List.of(A0)),
            Syscall.of(ALLOW, "gone")),
        spec(KILL_PROCESS,
            Syscall.of(ERRNO, "read"),
            Syscall.of(ALLOW, "close"),
            new Syscall(List.of("mkdir"), ERRNO, 2, List.of()),
            new Syscall(List.of("open"), ALLOW, null, List.of(A1)),
            Syscall.of(ALLOW, "new")));

    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.defaultActionChanged()).isTrue();
    assertThat(diff.defaultActionBefore()).isEqualTo(ERRNO);
    assertThat(diff.defaultActionAfter()).isEqualTo(KILL_PROCESS);
    assertThat(diff.added()).extracting(SyscallDiff::name).containsExactly("new");
    assertThat(diff.added().get(0).kind()).isEqualTo(SyscallDiff.Kind.ADDED);
    assertThat(diff.removed()).extracting(SyscallDiff::name).containsExactly("gone");
    assertThat(diff.removed().get(0).kind()).isEqualTo(SyscallDiff.Kind.REMOVED);
    assertThat(diff.changed()).extracting(SyscallDiff::name).containsExactly("mkdir", "open", "read");
    SyscallDiff mkdir = diff.changed().get(0);
    assertThat(mkdir.errnoRetChanged()).isTrue();
    assertThat(mkdir.actionChanged()).isFalse();
    assertThat(mkdir.argsChanged()).isFalse();
    SyscallDiff open = diff.changed().get(1);
    assertThat(open.argsChanged()).isTrue();
    assertThat(open.actionChanged()).isFalse();
    SyscallDiff read = diff.changed().get(2);
    assertThat(read.actionChanged()).isTrue();
    assertThat(read.actionBefore()).isEqualTo(ALLOW);
    assertThat(read.actionAfter()).isEqualTo(ERRNO);
    assertThat(read.toString()).isEqualTo("~ read SCMP_ACT_ALLOW -> SCMP_ACT_ERRNO");
    assertThat(diff.syscalls()).extracting(SyscallDiff::name).containsExactly("gone", "mkdir", "new", "open", "read");
  }

  @Test
  void onlyDefaultChanged() {
    ProfileDiff diff = ProfileDiff.diff(spec(ERRNO), spec(ALLOW));
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.syscalls()).isEmpty();
  }
}
