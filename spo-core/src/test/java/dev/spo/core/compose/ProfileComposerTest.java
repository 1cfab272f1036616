package dev.spo.core.compose;

import static dev.spo.core.seccomp.SeccompAction.ALLOW;
import static dev.spo.core.seccomp.SeccompAction.ERRNO;
import static dev.spo.core.seccomp.SeccompAction.KILL_PROCESS;
import static dev.spo.core.seccomp.SeccompAction.LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.SpoException;
import dev.spo.core.compose.CompositionException.Reason;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProfileComposerTest {
  private static SeccompProfile profile(String name, @Nullable String base, Syscall... rules) {
    return SeccompProfile.of(
        name, SeccompSpec.builder().defaultAction(ERRNO).baseProfileName(base).syscalls(List.of(rules)).build());
  }

  /** profile → b1 → … → b{length}; base i allows syscall "s{i}". */
  private static InMemoryProfileStore chainStore(int length) {
    InMemoryProfileStore store = new InMemoryProfileStore();
    for (int i = 1; i <= length; i++) {
      store.put(profile("b" + i, i < length ? "b" + (i + 1) : null, Syscall.of(ALLOW, "s" + i)));
    }
    return store;
  }

  private static ProfileComposer composer(BaseProfileResolver resolver) {
    return ProfileComposer.builder().resolver(resolver).build();
  }

  @Test
  void composesTheWorkedUnionExampleAndKeepsChildFields() {
    SeccompProfile base = SeccompProfile.of("runc-base", SeccompSpec.builder()
        .defaultAction(KILL_PROCESS)
        .architectures(SeccompArch.values()[1])
        .flags(List.of(SeccompFlag.values()[0]))
        .syscalls(List.of(Syscall.of(ALLOW, "a", "b", "c"), Syscall.of(LOG, "x", "y", "z")))
        .build());
    SeccompSpec childSpec = SeccompSpec.builder()
        .baseProfileName("runc-base")
        .defaultAction(ERRNO)
        .listenerMetadata("meta")
        .syscalls(List.of(Syscall.of(ALLOW, "b", "c", "d"), Syscall.of(LOG, "x", "y", "z")))
        .build();
    SeccompProfile child = new SeccompProfile(
        new ObjectMeta("app", null, java.util.Map.of("team", "a"), java.util.Map.of(), java.util.Map.of()),
        childSpec, null);

    ComposedProfile composed = composer(InMemoryProfileStore.of(base)).compose(child);

    SeccompProfile merged = composed.profile();
    assertThat(merged.metadata()).isEqualTo(child.metadata());
    assertThat(merged.spec()).isEqualTo(childSpec.withSyscalls(merged.spec().syscalls()));
    assertThat(merged.spec().baseProfileName()).isEqualTo("runc-base");
    assertThat(merged.spec().syscalls())
        .containsExactly(
            Syscall.of(ALLOW, "a"), Syscall.of(ALLOW, "b"), Syscall.of(ALLOW, "c"), Syscall.of(ALLOW, "d"),
            Syscall.of(LOG, "x"), Syscall.of(LOG, "y"), Syscall.of(LOG, "z"));
    assertThat(composed.chain())
        .containsExactly(new ResolutionStep(1, "runc-base", "app", "runc-base", InMemoryProfileStore.ORIGIN, null));
    assertThat(composed.syscallsAnnotation())
        .isEqualTo("[{\"names\":[\"a\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"b\"],\"action\":\"SCMP_ACT_ALLOW\"},"
            + "{\"names\":[\"c\"],\"action\":\"SCMP_ACT_ALLOW\"},{\"names\":[\"d\"],\"action\":\"SCMP_ACT_ALLOW\"},"
            + "{\"names\":[\"x\"],\"action\":\"SCMP_ACT_LOG\"},{\"names\":[\"y\"],\"action\":\"SCMP_ACT_LOG\"},"
            + "{\"names\":[\"z\"],\"action\":\"SCMP_ACT_LOG\"}]");
    assertThat(composed.annotatedProfile().metadata().annotations())
        .containsEntry(ComposedProfile.SYSCALLS_ANNOTATION, composed.syscallsAnnotation());
    assertThat(composed.annotatedProfile().spec()).isEqualTo(merged.spec());
  }

  @Test
  void annotationCarriesErrnoAndArgsWithOmitEmpty() {
    SeccompProfile base = profile("base", null,
        new Syscall(List.of("personality"), ALLOW, null,
            List.of(SyscallArg.of(0, ArgOperator.EQ, 0), new SyscallArg(1, 8, 0, ArgOperator.MASKED_EQ))));
    SeccompProfile child = profile("app", "base", new Syscall(List.of("mkdir"), ERRNO, 1, List.of()),
        new Syscall(List.of("chmod"), ERRNO, 0, List.of()));

    ComposedProfile composed = composer(InMemoryProfileStore.of(base)).compose(child);

    assertThat(composed.syscallsAnnotation())
        .isEqualTo("[{\"names\":[\"chmod\"],\"action\":\"SCMP_ACT_ERRNO\"},"
            + "{\"names\":[\"mkdir\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1},"
            + "{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":["
            + "{\"index\":0,\"op\":\"SCMP_CMP_EQ\"},{\"index\":1,\"value\":8,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}]");
  }

  @Test
  void profileWithoutBaseComesBackUnchanged() {
    SeccompProfile p = profile("solo", null, Syscall.of(ALLOW, "write", "read"), Syscall.of(LOG, "read"));
    ComposedProfile composed = composer(new InMemoryProfileStore()).compose(p);
    assertThat(composed.profile()).isSameAs(p);
    assertThat(composed.chain()).isEmpty();
  }

  @Test
  void chainOfFourteenBasesResolves() {
    SeccompProfile root = profile("app", "b1", Syscall.of(ALLOW, "own"));
    ComposedProfile composed = composer(chainStore(14)).compose(root);

    assertThat(composed.chain()).hasSize(14);
    assertThat(composed.chain().get(13)).isEqualTo(new ResolutionStep(14, "b14", "b13", "b14", "memory", null));
    List<String> expectedNames = new ArrayList<>();
    expectedNames.add("own");
    for (int i = 1; i <= 14; i++) {
      expectedNames.add("s" + i);
    }
    assertThat(composed.profile().spec().syscalls())
        .extracting(s -> s.names().get(0))
        .containsExactlyInAnyOrderElementsOf(expectedNames)
        .isSorted();
  }

  @Test
  void chainOfFifteenBasesFailsAsSpoDoes() {
    SeccompProfile root = profile("app", "b1");
    assertThatThrownBy(() -> composer(chainStore(15)).compose(root))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.MAX_DEPTH);
          assertThat(e).hasMessageStartingWith("max recursion level of 15 is reached for resolving base profiles");
          assertThat(e).hasMessageContaining("app → b1 → b2");
          assertThat(e).hasMessageEndingWith("b14 → b15");
          assertThat(e.chain()).hasSize(16).startsWith("app", "b1").endsWith("b15");
        });
  }

  @Test
  void maxDepthIsConfigurable() {
    assertThat(ProfileComposer.builder().resolver(chainStore(2)).maxDepth(3).build().compose(profile("app", "b1"))
            .chain())
        .hasSize(2);
    assertThatThrownBy(() -> ProfileComposer.builder().resolver(chainStore(3)).maxDepth(3).build()
            .compose(profile("app", "b1")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.MAX_DEPTH);
          assertThat(e).hasMessage("max recursion level of 3 is reached for resolving base profiles: app → b1 → b2 → b3");
        });
  }

  @Test
  void cycleOfLengthOneIsReported() {
    SeccompProfile self = profile("self", "self");
    assertThatThrownBy(() -> composer(InMemoryProfileStore.of(self)).compose(self))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.CYCLE);
          assertThat(e).hasMessage("cycle in base profiles: self → self");
          assertThat(e.chain()).containsExactly("self", "self");
        });
  }

  @Test
  void cycleOfLengthTwoIsReported() {
    SeccompProfile a = profile("a", "b");
    SeccompProfile b = profile("b", "a");
    assertThatThrownBy(() -> composer(InMemoryProfileStore.of(a, b)).compose(a))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.CYCLE);
          assertThat(e).hasMessage("cycle in base profiles: a → b → a");
        });
  }

  @Test
  void cycleOfLengthFiveIsReportedEvenWhenEnteredFromOutside() {
    InMemoryProfileStore store = InMemoryProfileStore.of(
        profile("c1", "c2"), profile("c2", "c3"), profile("c3", "c4"), profile("c4", "c5"), profile("c5", "c1"));
    assertThatThrownBy(() -> composer(store).compose(store.get("c1").map(SeccompProfile.class::cast).orElseThrow()))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.CYCLE);
          assertThat(e).hasMessage("cycle in base profiles: c1 → c2 → c3 → c4 → c5 → c1");
        });
    assertThatThrownBy(() -> composer(store).compose(profile("app", "c3")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.CYCLE);
          assertThat(e).hasMessage("cycle in base profiles: app → c3 → c4 → c5 → c1 → c2 → c3");
        });
  }

  @Test
  void cycleLongerThanTheDepthLimitIsStillACycle() {
    InMemoryProfileStore store = new InMemoryProfileStore();
    for (int i = 1; i <= 15; i++) {
      store.put(profile("r" + i, "r" + (i % 15 + 1)));
    }
    assertThatThrownBy(() -> composer(store).compose(profile("r1", "r2")))
        .asInstanceOf(type(CompositionException.class))
        .extracting(CompositionException::reason)
        .isEqualTo(Reason.CYCLE);
    // Detected before the limit, however the cycle is entered.
    InMemoryProfileStore small = new InMemoryProfileStore();
    for (int i = 1; i <= 14; i++) {
      small.put(profile("r" + i, "r" + (i % 14 + 1)));
    }
    assertThatThrownBy(() -> composer(small).compose(profile("r1", "r2")))
        .asInstanceOf(type(CompositionException.class))
        .extracting(CompositionException::reason)
        .isEqualTo(Reason.CYCLE);
  }

  @Test
  void missingBaseNamesReferenceAndRequester() {
    InMemoryProfileStore store = InMemoryProfileStore.of(profile("mid", "gone"));
    assertThatThrownBy(() -> composer(store).compose(profile("app", "mid")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.MISSING_BASE);
          assertThat(e).hasMessageContaining("'gone'").hasMessageContaining("requested by 'mid'");
          assertThat(e.chain()).containsExactly("app", "mid", "gone");
        });
  }

  @Test
  void unsupportedReferenceIsAMissingBase() {
    assertThatThrownBy(() -> composer(new InMemoryProfileStore()).compose(profile("app", "oci://ghcr.io/x/y:1")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.MISSING_BASE);
          assertThat(e).hasMessageContaining("no resolver supports");
        });
  }

  @Test
  void baseThatIsNotSeccompIsRejected() {
    Profile selinux = new OtherProfile(ObjectMeta.named("not-seccomp"));
    assertThatThrownBy(() -> composer(InMemoryProfileStore.of(selinux)).compose(profile("app", "not-seccomp")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_SECCOMP);
          assertThat(e).hasMessageContaining("SelinuxProfile");
        });
  }

  @Test
  void resolverFailureIsWrappedWithCauseAndChain() {
    SpoException boom = new CompositionException(Reason.RESOLVER_FAILED, List.of(), "registry said 503");
    BaseProfileResolver failing = new BaseProfileResolver() {
      @Override
      public boolean supports(String reference) {
        return true;
      }

      @Override
      public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
        throw boom;
      }
    };
    assertThatThrownBy(() -> composer(failing).compose(profile("app", "oci://r/p:1")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.RESOLVER_FAILED);
          assertThat(e.getCause()).isSameAs(boom);
          assertThat(e.chain()).containsExactly("app", "oci://r/p:1");
          assertThat(e).hasMessageContaining("registry said 503");
        });
  }

  @Test
  void chainResolverDispatchesByPrefix() {
    SeccompProfile ociBase = profile("from-oci", "local-base", Syscall.of(ALLOW, "oci"));
    BaseProfileResolver oci = new BaseProfileResolver() {
      @Override
      public boolean supports(String reference) {
        return reference.startsWith(Resolvers.OCI_PREFIX);
      }

      @Override
      public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
        return Optional.of(new ResolvedProfile(reference, ociBase, "oci://r/p@sha256:abc", "sha256:abc"));
      }
    };
    InMemoryProfileStore local = InMemoryProfileStore.of(profile("local-base", null, Syscall.of(ALLOW, "local")));
    BaseProfileResolver chain = Resolvers.chain(oci, local);

    ComposedProfile composed = composer(chain).compose(profile("app", "oci://r/p:1", Syscall.of(ALLOW, "own")));

    assertThat(composed.chain())
        .containsExactly(
            new ResolutionStep(1, "oci://r/p:1", "app", "from-oci", "oci://r/p@sha256:abc", "sha256:abc"),
            new ResolutionStep(2, "local-base", "from-oci", "local-base", "memory", null));
    assertThat(composed.profile().spec().syscalls()).extracting(s -> s.names().get(0))
        .containsExactly("local", "oci", "own");
    assertThat(chain.supports("anything")).isTrue();
    assertThat(Resolvers.chain(oci).supports("local")).isFalse();
  }

  @Test
  void appendStrategyConcatenatesAcrossTheChain() {
    InMemoryProfileStore store = InMemoryProfileStore.of(
        profile("b1", "b2", Syscall.of(ERRNO, "y", "x")), profile("b2", null, Syscall.of(ALLOW, "z")));
    ComposedProfile composed = ProfileComposer.builder().resolver(store).strategy(MergeStrategy.APPEND).build()
        .compose(profile("app", "b1", Syscall.of(ERRNO, "x"), Syscall.of(ALLOW, "z")));
    assertThat(composed.profile().spec().syscalls())
        .containsExactly(Syscall.of(ALLOW, "z"), Syscall.of(ALLOW, "z"), Syscall.of(ERRNO, "x", "y"),
            Syscall.of(ERRNO, "x"));
  }

  @Test
  void intersectStrategyTakesTheStrictestDefaultOfTheChain() {
    SeccompProfile base = SeccompProfile.of("base", SeccompSpec.builder()
        .defaultAction(KILL_PROCESS).syscalls(List.of(Syscall.of(ALLOW, "read", "write"))).build());
    SeccompProfile child = SeccompProfile.of("app", SeccompSpec.builder().baseProfileName("base")
        .defaultAction(ALLOW).syscalls(List.of(Syscall.of(ERRNO, "write"))).build());

    ComposedProfile composed = ProfileComposer.builder().resolver(InMemoryProfileStore.of(base))
        .strategy(MergeStrategy.INTERSECT).build().compose(child);

    assertThat(composed.profile().spec().defaultAction()).isEqualTo(KILL_PROCESS);
    assertThat(composed.profile().spec().syscalls()).containsExactly(Syscall.of(ALLOW, "read"), Syscall.of(ERRNO, "write"));
  }

  @Test
  void intersectWithoutDefaultActionFailsWithChain() {
    SeccompProfile base = SeccompProfile.of("base", SeccompSpec.builder().build());
    assertThatThrownBy(() -> ProfileComposer.builder().resolver(InMemoryProfileStore.of(base))
            .strategy(MergeStrategy.INTERSECT).build().compose(profile("app", "base")))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.MERGE_FAILED);
          assertThat(e.chain()).containsExactly("app", "base");
        });
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> ProfileComposer.builder().maxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProfileComposer.builder().build()).isInstanceOf(NullPointerException.class);
    ProfileComposer c = composer(new InMemoryProfileStore());
    assertThat(c.maxDepth()).isEqualTo(15);
    assertThat(c.strategy()).isEqualTo(MergeStrategy.UNION);
  }

  @Test
  void storeAddsReplacesAndRemoves() {
    InMemoryProfileStore store = new InMemoryProfileStore();
    SeccompProfile v1 = profile("p", null, Syscall.of(ALLOW, "a"));
    SeccompProfile v2 = profile("p", null, Syscall.of(ALLOW, "b"));
    assertThat(store.put(v1)).isEmpty();
    assertThat(store.put(v2)).contains(v1);
    assertThat(store.get("p")).contains(v2);
    assertThat(store.names()).containsExactly("p");
    assertThat(store.resolve("p", "x")).contains(new ResolvedProfile("p", v2, "memory", null));
    assertThat(store.supports("oci://x")).isFalse();
    assertThat(store.remove("p")).contains(v2);
    assertThat(store.size()).isZero();
    assertThat(store.resolve("p", "x")).isEmpty();
    assertThatThrownBy(() -> store.put(profile("", null))).isInstanceOf(IllegalArgumentException.class);
  }

  /** A profile of another kind, standing in for the SELinux module's. */
  private record OtherProfile(ObjectMeta metadata) implements Profile {
    @Override
    public String kind() {
      return "SelinuxProfile";
    }
  }
}
