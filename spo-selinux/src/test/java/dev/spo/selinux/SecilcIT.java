package dev.spo.selinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.Profile;
import dev.spo.core.tool.ToolExecutionException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated policy compiles with the real secilc against the test base policy. */
@EnabledOnOs(OS.LINUX)
class SecilcIT {
  private final Secilc secilc = Secilc.defaults();

  static Stream<String> goldenNames() {
    return Goldens.profiles().stream().map(Profile::name);
  }

  @Test
  void baseAloneCompiles() {
    assertThat(secilc.compile(Goldens.base(), List.of()).stderr()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("goldenNames")
  void goldenCompiles(String name) {
    Profile p = Goldens.profiles().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    CilPolicy policy = Goldens.translate(p);
    assertThat(secilc.compile(Goldens.base(), policy.closure()).exitCode()).isZero();
    assertThat(Secilc.builder().mls(true).build().compile(Goldens.base(), policy.closure()).exitCode()).isZero();
  }

  @Test
  void allGoldensCompileTogether() {
    List<CilPolicy> all = Goldens.profiles().stream().map(Goldens::translate).toList();
    assertThat(secilc.compile(Goldens.base(), all).exitCode()).isZero();
  }

  @Test
  void generatedShapesCompile() {
    CilTranslator translator = Goldens.translator();
    List<SelinuxSpec> specs =
        List.of(
            SelinuxSpec.builder().build(),
            SelinuxSpec.builder().mode(SelinuxMode.PERMISSIVE).build(),
            SelinuxSpec.builder().addInherit(PolicyRef.system("net_container")).allow("@self", "tcp_socket", "listen", "accept").build(),
            SelinuxSpec.builder().allow("file_type", "file", "getattr").allow("var_log_t", "file", "read", "read", "open").build());
    for (int i = 0; i < specs.size(); i++) {
      CilPolicy policy = translator.translate(SelinuxProfile.of("shape" + i, specs.get(i)));
      assertThat(secilc.compile(Goldens.base(), policy.closure()).exitCode()).isZero();
    }
  }

  @Test
  void undefinedTypeFailsWithSecilcStderr() {
    CilPolicy policy =
        CilTranslator.defaults()
            .translate(
                SelinuxProfile.of(
                    "undefined-type",
                    SelinuxSpec.builder().allow("var_log_t", "file", "read").allow("no_such_t", "file", "read").build()));
    assertThatThrownBy(() -> secilc.compile(Goldens.base(), policy.closure()))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.FAILED);
              assertThat(e.exitCode()).isNotNull().isNotZero();
              assertThat(e.argv()).first().isEqualTo(Secilc.DEFAULT_EXECUTABLE.toString());
              assertThat(e.argv()).contains("-o", "/dev/null", "undefined-type.cil").doesNotContain("-m");
              // no_such_t sorts before var_log_t: line 3 of the generated file.
              assertThat(e.stderr()).contains("Failed to resolve allow statement at undefined-type.cil:3");
              assertThat(e.getMessage()).contains("secilc rejected the policy").contains(e.stderr().strip());
            });
  }

  @Test
  void inheritedPolicyMustBePassedAlong() {
    Profile child = Goldens.profiles().stream().filter(p -> p.name().equals("web-server-tls")).findFirst().orElseThrow();
    CilPolicy policy = Goldens.translate(child);
    assertThatThrownBy(() -> secilc.compile(Goldens.base(), List.of(policy)))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> assertThat(e.stderr()).contains("Failed to resolve blockinherit statement at web-server-tls.cil:2"));
  }

  @Test
  void undefinedPermissionNamesThePermission() {
    CilPolicy policy =
        CilTranslator.defaults()
            .translate(SelinuxProfile.of("undefined-perm", SelinuxSpec.builder().allow("var_log_t", "file", "frobnicate").build()));
    assertThatThrownBy(() -> secilc.compile(Goldens.base(), policy.closure()))
        .isInstanceOfSatisfying(
            ToolExecutionException.class, e -> assertThat(e.stderr()).contains("Failed to resolve permission frobnicate"));
  }
}
