package dev.spo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameSortTest {
  private static final String ALPHABET = "abc_z019\u0000\u00e9\u00ff";

  @Test
  void sortsLikeStringCompareTo() {
    Random random = new Random(3);
    for (int round = 0; round < 500; round++) {
      int n = random.nextInt(400);
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        names[i] = randomName(random, round % 7 == 0);
      }
      String[] expected = names.clone();
      Arrays.sort(expected);
      NameSort.sort(names);
      assertThat(names).containsExactly(expected);
    }
  }

  @Test
  void sharedLongPrefixesAndRealSyscallNames() {
    String[] names = {
      "sched_setparam", "sched_getparam", "sched_setscheduler", "sched_getscheduler", "sched_yield",
      "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigsuspend", "read", "readv", "readlink",
      "readlinkat", "readahead", "write", "writev", "epoll_ctl", "epoll_create", "epoll_create1",
      "epoll_wait", "epoll_pwait", "epoll_pwait2", "clock_gettime", "clock_getres", "clock_nanosleep",
      "timer_create", "timer_delete", "timerfd_create", "timerfd_settime", "getresuid", "getresgid",
      "setresuid", "setresgid", "inotify_init", "inotify_init1", "inotify_add_watch", "io_uring_setup",
      "io_uring_enter", "io_uring_register", "io_setup", "io_submit", "a", "", "sched_", "rt_sig"
    };
    // Twice over (with a suffix) so that the radix path, not the small-array path, runs.
    String[] doubled = Arrays.copyOf(names, names.length * 2);
    for (int i = 0; i < names.length; i++) {
      doubled[names.length + i] = names[i] + "x";
    }
    names = doubled;
    assertThat(names.length).isGreaterThan(NameSort.SMALL);
    String[] expected = names.clone();
    Arrays.sort(expected);
    NameSort.sort(names);
    assertThat(names).containsExactly(expected);
  }

  private static String randomName(Random random, boolean wide) {
    int len = random.nextInt(12);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(wide && random.nextInt(20) == 0 ? '\u4e00' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
