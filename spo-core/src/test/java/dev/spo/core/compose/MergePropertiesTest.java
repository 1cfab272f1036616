package dev.spo.core.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.internal.SyscallMerging;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Merge laws checked on random rule lists; fixed seeds keep failures reproducible. */
class MergePropertiesTest {
  private static final int ITERATIONS = 2000;
  private static final List<String> NAMES = List.of("read", "write", "open", "close", "mmap", "ptrace", "kill", "bpf");
  private static final SeccompAction[] ACTIONS = SeccompAction.values();
  private static final List<SyscallArg> ARG_POOL = List.of(
      SyscallArg.of(0, ArgOperator.EQ, 1),
      SyscallArg.of(0, ArgOperator.LT, 3),
      SyscallArg.of(1, ArgOperator.NE, 0),
      SyscallArg.of(2, ArgOperator.GE, 2),
      new SyscallArg(1, 0x3, 0x1, ArgOperator.MASKED_EQ));

  @Test
  void unionIsIdempotent() {
    Random random = new Random(0x5eccL);
    for (int i = 0; i < ITERATIONS; i++) {
      List<Syscall> a = randomRules(random);
      List<Syscall> b = randomRules(random);
      assertThat(SyscallMerger.union(a, a)).as("union(a, a), a=%s", a).isEqualTo(SyscallMerger.normalize(a));
      List<Syscall> u = SyscallMerger.union(a, b);
      assertThat(SyscallMerger.union(u, u)).as("union(u, u)").isEqualTo(u);
      assertThat(SyscallMerger.union(u, b)).as("union(union(a, b), b), a=%s b=%s", a, b).isEqualTo(u);
    }
  }

  @Test
  void unionIsOrderIndependentOnTheAllowedSetAndNeverStricterThanAnInput() {
    Random random = new Random(42);
    for (int i = 0; i < ITERATIONS; i++) {
      List<Syscall> a = randomRules(random);
      List<Syscall> b = randomRules(random);
      List<Syscall> ab = SyscallMerger.union(a, b);
      List<Syscall> ba = SyscallMerger.union(b, a);
      assertThat(allowed(ab)).as("a=%s b=%s", a, b).isEqualTo(allowed(ba));
      assertThat(ranks(ab)).as("same rank per name, a=%s b=%s", a, b).isEqualTo(ranks(ba));
      Map<String, Integer> ra = ranks(SyscallMerger.normalize(a));
      Map<String, Integer> rb = ranks(SyscallMerger.normalize(b));
      ranks(ab).forEach((name, rank) -> {
        assertThat(rank).isLessThanOrEqualTo(ra.getOrDefault(name, Integer.MAX_VALUE));
        assertThat(rank).isLessThanOrEqualTo(rb.getOrDefault(name, Integer.MAX_VALUE));
      });
      assertThat(ab).allSatisfy(s -> assertThat(s.names()).hasSize(1));
      assertThat(ab).extracting(s -> s.names().get(0)).isSorted();
    }
  }

  @Test
  void intersectNeverAllowsWhatAnInputDenies() {
    Random random = new Random(7);
    int conditionalResults = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      SeccompSpec a = randomSpec(random);
      SeccompSpec b = randomSpec(random);
      SeccompSpec r = SyscallMerger.intersect(a, b);
      conditionalResults += (int) r.syscalls().stream().filter(s -> !s.args().isEmpty()).count();
      List<String> universe = new ArrayList<>(NAMES);
      universe.add("never_mentioned");
      for (String name : universe) {
        for (int v = 0; v < 20; v++) {
          long[] argv = randomArgv(random);
          SeccompAction ea = evaluate(a, name, argv);
          SeccompAction eb = evaluate(b, name, argv);
          SeccompAction er = evaluate(r, name, argv);
          String why = "name=" + name + " a=" + a + " b=" + b + " result=" + r;
          assertThat(er.restrictiveness()).as(why).isGreaterThanOrEqualTo(ea.restrictiveness());
          assertThat(er.restrictiveness()).as(why).isGreaterThanOrEqualTo(eb.restrictiveness());
          if (er == SeccompAction.ALLOW) {
            // intersect ⊆ each input's allowed set
            assertThat(ea).as(why).isEqualTo(SeccompAction.ALLOW);
            assertThat(eb).as(why).isEqualTo(SeccompAction.ALLOW);
          }
        }
      }
    }
    // The generator must exercise the conditional cases, or the property proves little.
    assertThat(conditionalResults).isGreaterThan(ITERATIONS / 10);
  }

  @Test
  void intersectOfAProfileWithItselfChangesNoDecision() {
    Random random = new Random(99);
    for (int i = 0; i < ITERATIONS; i++) {
      SeccompSpec a = randomSpec(random);
      SeccompSpec r = SyscallMerger.intersect(a, a);
      for (String name : NAMES) {
        long[] argv = randomArgv(random);
        assertThat(evaluate(r, name, argv)).as("a=%s", a).isEqualTo(evaluate(a, name, argv));
      }
    }
  }

  @Test
  void unionMatchesAStraightforwardReferenceImplementation() {
    Random random = new Random(1234);
    for (int i = 0; i < ITERATIONS; i++) {
      List<Syscall> a = randomRules(random);
      List<Syscall> b = randomRules(random);
      Map<String, Syscall> left = SyscallMerging.normalizeToMap(a);
      Map<String, Syscall> right = SyscallMerging.normalizeToMap(b);
      Map<String, Syscall> expected = new TreeMap<>(left);
      right.forEach((name, r) -> expected.merge(name, r, SyscallMerging::unionPick));
      List<Syscall> expectedList = expected.entrySet().stream()
          .map(e -> e.getValue().withNames(List.of(e.getKey())))
          .toList();
      assertThat(SyscallMerger.union(a, b)).as("a=%s b=%s", a, b).isEqualTo(expectedList);
    }
  }

  @Test
  void largeUnionsMatchTheReferenceAcrossTableGrowth() {
    Random random = new Random(77);
    for (int round = 0; round < 20; round++) {
      List<Syscall> a = largeRules(random, 1 + random.nextInt(3000));
      List<Syscall> b = largeRules(random, 1 + random.nextInt(3000));
      Map<String, Syscall> expected = new TreeMap<>(SyscallMerging.normalizeToMap(a));
      SyscallMerging.normalizeToMap(b).forEach((name, r) -> expected.merge(name, r, SyscallMerging::unionPick));
      List<Syscall> expectedList = expected.entrySet().stream()
          .map(e -> e.getValue().withNames(List.of(e.getKey())))
          .toList();
      assertThat(SyscallMerger.union(a, b)).isEqualTo(expectedList);
    }
  }

  private static List<Syscall> largeRules(Random random, int names) {
    List<Syscall> out = new ArrayList<>();
    for (int i = 0; i < names; i += 1 + random.nextInt(5)) {
      List<String> group = new ArrayList<>();
      for (int j = 0; j < 1 + random.nextInt(5); j++) {
        // Long shared prefixes and mixed lengths exercise the chunked name sort as well.
        group.add((random.nextBoolean() ? "sched_get_" : "s") + random.nextInt(4000));
      }
      SeccompAction action = ACTIONS[random.nextInt(ACTIONS.length)];
      List<SyscallArg> args = random.nextInt(8) == 0 ? List.of(ARG_POOL.get(random.nextInt(ARG_POOL.size()))) : List.of();
      out.add(new Syscall(group, action, action.takesErrno() ? random.nextInt(2) : null, args));
    }
    return out;
  }

  @Test
  void composingAChainEqualsFoldingUnionStepByStep() {
    Random random = new Random(2024);
    for (int i = 0; i < 300; i++) {
      int depth = random.nextInt(6);
      InMemoryProfileStore store = new InMemoryProfileStore();
      List<List<Syscall>> bases = new ArrayList<>();
      for (int level = 1; level <= depth; level++) {
        List<Syscall> rules = randomRules(random);
        bases.add(rules);
        store.put(SeccompProfile.of("b" + level, SeccompSpec.builder().defaultAction(SeccompAction.ERRNO)
            .baseProfileName(level < depth ? "b" + (level + 1) : null).syscalls(rules).build()));
      }
      List<Syscall> own = randomRules(random);
      SeccompProfile child = SeccompProfile.of("app", SeccompSpec.builder().defaultAction(SeccompAction.ERRNO)
          .baseProfileName(depth > 0 ? "b1" : null).syscalls(own).build());
      List<Syscall> expected = own;
      for (List<Syscall> base : bases) {
        expected = SyscallMerger.union(base, expected);
      }
      assertThat(ProfileComposer.builder().resolver(store).build().compose(child).profile().spec().syscalls())
          .as("own=%s bases=%s", own, bases)
          .isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ generators and a reference evaluator

  private static List<Syscall> randomRules(Random random) {
    int n = random.nextInt(7);
    List<Syscall> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = 1 + random.nextInt(3);
      List<String> names = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        names.add(NAMES.get(random.nextInt(NAMES.size())));
      }
      SeccompAction action = ACTIONS[random.nextInt(ACTIONS.length)];
      Integer errno = action.takesErrno() && random.nextBoolean() ? random.nextInt(3) : null;
      List<SyscallArg> args = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        int m = 1 + random.nextInt(2);
        for (int j = 0; j < m; j++) {
          SyscallArg arg = ARG_POOL.get(random.nextInt(ARG_POOL.size()));
          if (!args.contains(arg)) {
            args.add(arg);
          }
        }
      }
      out.add(new Syscall(names, action, errno, args));
    }
    return out;
  }

  private static SeccompSpec randomSpec(Random random) {
    return SeccompSpec.builder()
        .defaultAction(ACTIONS[random.nextInt(ACTIONS.length)])
        .syscalls(randomRules(random))
        .build();
  }

  private static long[] randomArgv(Random random) {
    long[] argv = new long[6];
    for (int i = 0; i < argv.length; i++) {
      argv[i] = random.nextInt(5);
    }
    return argv;
  }

  /**
   * What a filter decides for one call, with the normalized reading of duplicate rules: a rule
   * matches when all its conditions hold, otherwise the default applies.
   */
  private static SeccompAction evaluate(SeccompSpec spec, String name, long[] argv) {
    for (Syscall s : SyscallMerger.normalize(spec.syscalls())) {
      if (s.names().get(0).equals(name)) {
        return s.args().stream().allMatch(a -> holds(a, argv[a.index()])) ? s.action() : spec.defaultAction();
      }
    }
    return spec.defaultAction();
  }

  private static boolean holds(SyscallArg a, long x) {
    return switch (a.op()) {
      case EQ -> x == a.value();
      case NE -> x != a.value();
      case LT -> Long.compareUnsigned(x, a.value()) < 0;
      case LE -> Long.compareUnsigned(x, a.value()) <= 0;
      case GE -> Long.compareUnsigned(x, a.value()) >= 0;
      case GT -> Long.compareUnsigned(x, a.value()) > 0;
      case MASKED_EQ -> (x & a.value()) == a.valueTwo();
    };
  }

  private static Set<String> allowed(List<Syscall> rules) {
    return rules.stream()
        .filter(s -> s.action() == SeccompAction.ALLOW)
        .flatMap(s -> s.names().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, Integer> ranks(List<Syscall> normalized) {
    Map<String, Integer> out = new HashMap<>();
    for (Syscall s : normalized) {
      out.put(s.names().get(0), s.action().restrictiveness());
    }
    return out;
  }
}
