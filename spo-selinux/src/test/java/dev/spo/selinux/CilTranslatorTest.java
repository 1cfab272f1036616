package dev.spo.selinux;

import dev.spo.core.validate.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.Profile;
import dev.spo.core.compose.CompositionException;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CilTranslatorTest {
  private static final SelinuxPolicyOptions NET =
      SelinuxPolicyOptions.builder().allowedSystemProfiles(Set.of("container", "net_container")).build();

  @Test
  void producesSpoShape() {
    SelinuxProfile p =
        SelinuxProfile.of(
            "myapp",
            SelinuxSpec.builder()
                .addInherit(PolicyRef.system("container"))
                .addInherit(PolicyRef.system("net_container"))
                .mode(SelinuxMode.PERMISSIVE)
                .allow("var_log_t", "file", "read", "open", "getattr", "read")
                .allow("var_log_t", "dir", "search")
                .allow("@self", "tcp_socket", "listen")
                .build());
    CilPolicy cil = CilTranslator.builder().options(NET).build().translate(p);
    assertThat(cil.cil())
        .isEqualTo(
            """
            (block myapp
            (blockinherit container)
            (blockinherit net_container)
            (typepermissive process)
            (allow process myapp.process ( tcp_socket ( listen )))
            (allow process var_log_t ( dir ( search )))
            (allow process var_log_t ( file ( getattr open read )))
            )
            """);
    assertThat(cil.usage()).isEqualTo("myapp.process");
    assertThat(cil.fileName()).isEqualTo("myapp.cil");
    assertThat(cil.inherited()).isEmpty();
  }

  /** The example of SPO's installation docs ({@code /etc/selinux.d/nginx-secure.cil}). */
  @Test
  void matchesSpoDocumentationExample() {
    SelinuxProfile p =
        SelinuxProfile.of(
            "nginx-secure",
            SelinuxSpec.builder()
                .addInherit(PolicyRef.system("container"))
                .allow("node_t", "tcp_socket", "node_bind")
                .allow("http_cache_port_t", "tcp_socket", "name_bind")
                .allow("@self", "tcp_socket", "listen")
                .build());
    assertThat(CilTranslator.defaults().translate(p).cil())
        .isEqualTo(
            "(block nginx-secure\n(blockinherit container)\n"
                + "(allow process nginx-secure.process ( tcp_socket ( listen )))\n"
                + "(allow process http_cache_port_t ( tcp_socket ( name_bind )))\n"
                + "(allow process node_t ( tcp_socket ( node_bind )))\n)\n");
  }

  @Test
  void emptyProfileStillInheritsContainer() {
    CilPolicy cil = CilTranslator.defaults().translate(SelinuxProfile.of("empty", SelinuxSpec.builder().build()));
    assertThat(cil.cil()).isEqualTo("(block empty\n(blockinherit container)\n)\n");
  }

  @Test
  void profileInheritReplacesContainer() {
    SelinuxProfile base = SelinuxProfile.of("base", SelinuxSpec.builder().allow("var_t", "file", "read").build());
    SelinuxProfile child =
        SelinuxProfile.of(
            "child",
            SelinuxSpec.builder()
                .addInherit(PolicyRef.system("container"))
                .addInherit(PolicyRef.profile("base"))
                .allow("tmp_t", "file", "write")
                .build());
    CilPolicy cil = CilTranslator.builder().resolver(new MapResolver(List.of(base))).build().translate(child);
    assertThat(cil.cil())
        .isEqualTo("(block child\n(blockinherit base)\n(allow process tmp_t ( file ( write )))\n)\n");
    assertThat(cil.inherited()).extracting(CilPolicy::name).containsExactly("base");
    assertThat(cil.closure()).extracting(CilPolicy::name).containsExactly("base", "child");
  }

  @Test
  void diamondInheritsAreTranslatedOnce() {
    SelinuxProfile d = SelinuxProfile.of("d", SelinuxSpec.builder().build());
    SelinuxProfile b = SelinuxProfile.of("b", SelinuxSpec.builder().addInherit(PolicyRef.profile("d")).build());
    SelinuxProfile c = SelinuxProfile.of("c", SelinuxSpec.builder().addInherit(PolicyRef.profile("d")).build());
    SelinuxProfile a =
        SelinuxProfile.of(
            "a", SelinuxSpec.builder().addInherit(PolicyRef.profile("b")).addInherit(PolicyRef.profile("c")).build());
    CilPolicy cil = CilTranslator.builder().resolver(new MapResolver(List.of(b, c, d))).build().translate(a);
    assertThat(cil.closure()).extracting(CilPolicy::name).containsExactly("d", "b", "c", "a");
  }

  private static List<Profile> chain(int bases) {
    List<Profile> out = new ArrayList<>();
    for (int i = 1; i <= bases; i++) {
      SelinuxSpec.Builder spec = SelinuxSpec.builder();
      if (i < bases) {
        spec.addInherit(PolicyRef.profile("b" + (i + 1)));
      }
      out.add(SelinuxProfile.of("b" + i, spec.build()));
    }
    return out;
  }

  private static SelinuxProfile top() {
    return SelinuxProfile.of("top", SelinuxSpec.builder().addInherit(PolicyRef.profile("b1")).build());
  }

  @Test
  void chainOfFourteenResolvesFifteenFails() {
    CilPolicy ok = CilTranslator.builder().resolver(new MapResolver(chain(14))).build().translate(top());
    assertThat(ok.closure()).hasSize(15);
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(chain(15))).build().translate(top()))
        .isInstanceOfSatisfying(
            CompositionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CompositionException.Reason.MAX_DEPTH);
              assertThat(e.chain()).hasSize(16).startsWith("top", "b1").endsWith("b15");
              assertThat(e.getMessage()).contains("max recursion level of 15");
            });
    assertThat(CilTranslator.builder().maxDepth(3).resolver(new MapResolver(chain(2))).build().translate(top()).closure())
        .hasSize(3);
  }

  @Test
  void cyclesAreNamed() {
    SelinuxProfile a = SelinuxProfile.of("a", SelinuxSpec.builder().addInherit(PolicyRef.profile("b")).build());
    SelinuxProfile b = SelinuxProfile.of("b", SelinuxSpec.builder().addInherit(PolicyRef.profile("a")).build());
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(List.of(a, b))).build().translate(a))
        .isInstanceOfSatisfying(
            CompositionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CompositionException.Reason.CYCLE);
              assertThat(e.chain()).containsExactly("a", "b", "a");
              assertThat(e.getMessage()).contains("a -> b -> a");
            });
    SelinuxProfile self = SelinuxProfile.of("self", SelinuxSpec.builder().addInherit(PolicyRef.profile("self")).build());
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(List.of(self))).build().translate(self))
        .isInstanceOfSatisfying(
            CompositionException.class, e -> assertThat(e.reason()).isEqualTo(CompositionException.Reason.CYCLE));
  }

  @Test
  void missingWrongKindAndNoResolver() {
    SelinuxProfile child = SelinuxProfile.of("child", SelinuxSpec.builder().addInherit(PolicyRef.profile("base")).build());
    assertThatThrownBy(() -> CilTranslator.defaults().translate(child))
        .isInstanceOfSatisfying(
            CompositionException.class,
            e -> assertThat(e.reason()).isEqualTo(CompositionException.Reason.MISSING_BASE));
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(List.of())).build().translate(child))
        .isInstanceOfSatisfying(
            CompositionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CompositionException.Reason.MISSING_BASE);
              assertThat(e.getMessage()).contains("'base' inherited by 'child' does not exist");
            });
    Profile seccomp = SeccompProfile.of("base", SeccompSpec.builder().build());
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(List.of(seccomp))).build().translate(child))
        .isInstanceOf(CompositionException.class)
        .hasMessageContaining("is a SeccompProfile, not a SelinuxProfile");
  }

  @Test
  void inheritedProfilesAreValidatedToo() {
    SelinuxProfile bad = SelinuxProfile.of("base", SelinuxSpec.builder().allow("shadow_t", "file", "read").build());
    SelinuxProfile child = SelinuxProfile.of("child", SelinuxSpec.builder().addInherit(PolicyRef.profile("base")).build());
    assertThatThrownBy(() -> CilTranslator.builder().resolver(new MapResolver(List.of(bad))).build().translate(child))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.profileName()).isEqualTo("base"));
  }

  @Test
  void rawProfileIsWrappedWithNewerNaming() {
    RawSelinuxProfile raw = RawSelinuxProfile.of("raw", "\n  (type process)\n(allow process var_t ( file ( read )))\n\n");
    CilPolicy cil = CilTranslator.defaults().translate(raw);
    assertThat(cil.cil()).isEqualTo("(block raw\n    (type process)\n    (allow process var_t ( file ( read )))\n)");
    assertThat(cil.usage()).isEqualTo("raw.process");
  }
}
