package dev.spo.apparmor;

import dev.spo.core.validate.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.tool.ToolExecutionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated profile is accepted by the real {@code apparmor_parser -Q -K}. */
@EnabledOnOs(OS.LINUX)
class AppArmorParserIT {
  private final AppArmorParser parser = AppArmorParser.defaults();

  static List<Path> goldens() {
    return Goldens.inputs();
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void goldenAccepted(Path input) {
    AppArmorProfile p = Goldens.read(input);
    assertThat(parser.check(p).exitCode()).isZero();
    AppArmorProfile otherMode =
        p.withSpec(p.spec().withMode(p.spec().effectiveMode() == AppArmorMode.ENFORCE ? AppArmorMode.COMPLAIN : AppArmorMode.ENFORCE));
    assertThat(parser.check(otherMode).stderr()).isEmpty();
  }

  static Stream<AppArmorProfile> shapes() {
    List<AppArmorAbstract> abstracts = new ArrayList<>();
    abstracts.add(AppArmorAbstract.EMPTY);
    abstracts.add(AppArmorAbstract.EMPTY.withCapability(new CapabilityRules(new ArrayList<>(AppArmorValidator.CAPABILITIES))));
    abstracts.add(AppArmorAbstract.EMPTY.withCapability(new CapabilityRules(List.of("CHOWN", " Sys_Rawio "))));
    abstracts.add(AppArmorAbstract.EMPTY.withNetwork(NetworkRules.of(null, null, null)));
    abstracts.add(AppArmorAbstract.EMPTY.withNetwork(NetworkRules.of(true, true, true)));
    abstracts.add(AppArmorAbstract.EMPTY.withNetwork(NetworkRules.of(false, false, true)));
    abstracts.add(
        AppArmorAbstract.EMPTY.withFilesystem(
            new FilesystemRules(
                List.of("/My Documents/test file", "/proc/@{pid}/cgroup", "/", "ptrace (read),"),
                List.of("/var/log/app/*.log", "/lib/tls/i686/cmov/lib*.so?"),
                List.of("/opt/my-app/v1.2+3/run_app", "ptrace(trace), # legacy"))));
    abstracts.add(
        AppArmorAbstract.EMPTY
            .withExecutable(new ExecutableRules(List.of("/usr/bin/nginx", "/opt/a b/run"), List.of()))
            .withPtrace(new PtraceRules(List.of("tracedby", "read", "read"), "@{profile_name}")));
    abstracts.add(AppArmorAbstract.EMPTY.withPtrace(new PtraceRules(List.of("readby"), null)));
    List<AppArmorProfile> out = new ArrayList<>();
    int i = 0;
    for (AppArmorAbstract a : abstracts) {
      for (AppArmorMode mode : AppArmorMode.values()) {
        out.add(AppArmorProfile.of("shape-" + i++, AppArmorSpec.of(a).withMode(mode)));
      }
    }
    out.add(AppArmorProfile.of("/path/to/my/profile", AppArmorSpec.of(AppArmorAbstract.EMPTY)));
    out.add(AppArmorProfile.of("my-app_profile.v1", AppArmorSpec.of(AppArmorAbstract.EMPTY)));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void generatedShapesAccepted(AppArmorProfile profile) {
    assertThat(parser.check(profile).exitCode()).isZero();
  }

  @Test
  void unionOfGoldensAccepted() {
    List<AppArmorProfile> all = Goldens.inputs().stream().map(Goldens::read).toList();
    AppArmorProfile u = AppArmorMerger.union(all.get(0), all.subList(1, all.size()).toArray(AppArmorProfile[]::new));
    assertThat(parser.check(u).exitCode()).isZero();
  }

  @Test
  void malformedInputIsRejectedBeforeTheParser() {
    for (String path : List.of("/etc/x, /etc/y", "etc/relative", "/etc/{a,b}", "/etc/x\n  capability sys_admin,", "/etc/\"q\"")) {
      AppArmorProfile p =
          AppArmorProfile.of("bad", AppArmorSpec.of(AppArmorAbstract.EMPTY.withFilesystem(new FilesystemRules(List.of(path), List.of(), List.of()))));
      assertThatThrownBy(() -> parser.check(p)).isInstanceOf(ValidationException.class);
    }
    AppArmorProfile cap =
        AppArmorProfile.of("bad", AppArmorSpec.of(AppArmorAbstract.EMPTY.withCapability(new CapabilityRules(List.of("frobnicate")))));
    assertThatThrownBy(() -> parser.check(cap)).isInstanceOf(ValidationException.class);
  }

  @Test
  void parserRejectionCarriesStderr() {
    String good = AppArmorGenerator.generate(AppArmorProfile.of("broken", AppArmorSpec.of(AppArmorAbstract.EMPTY)));
    String broken = good.replace("  # Raw rules placeholder\n", "  # Raw rules placeholder\n  capability frobnicate,\n");
    assertThatThrownBy(() -> parser.check("broken", broken))
        .isInstanceOfSatisfying(
            ToolExecutionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ToolExecutionException.Reason.FAILED);
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.argv()).containsSubsequence("-Q", "-K", "broken");
              assertThat(e.stderr()).contains("AppArmor parser error for broken in profile broken at line").contains("Invalid capability frobnicate.");
              assertThat(e.stderr()).doesNotContain("Cache read/write disabled");
              assertThat(e.getMessage()).startsWith("apparmor_parser rejected the profile (exit status 1):\nAppArmor parser error");
            });
    String unbalanced = good.substring(0, good.lastIndexOf('}'));
    assertThatThrownBy(() -> parser.check("unbalanced", unbalanced))
        .isInstanceOfSatisfying(ToolExecutionException.class, e -> assertThat(e.stderr()).contains("syntax error, unexpected end of file"));
  }
}
