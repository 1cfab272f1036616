package dev.spo.seccomp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.seccomp.bpf.BpfProgram;
import dev.spo.seccomp.bpf.BpfVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Replays every vector of the oracle CSV (libseccomp 2.5.4-1+deb12u1, runc translation, no stub)
 * through the Java emulator, for both optimizer levels.
 */
@EnabledOnOs(OS.LINUX)
class OracleTest {
  record Vector(String label, int arch, int nr, long a0, long a1, int expected, int insnsLinear, int insnsTree) {}

  static SeccompSpec moby;
  static List<Vector> vectors;

  @BeforeAll
  static void load() throws IOException {
    moby = ProfileCodec.defaults().readRuntimeSeccomp(new String(resource("moby-default-flat-amd64.json"),
        StandardCharsets.UTF_8));
    vectors = new ArrayList<>();
    String csv = new String(resource("moby-default-flat-amd64.oracle.csv"), StandardCharsets.UTF_8);
    for (String line : csv.split("\n")) {
      if (line.isBlank() || line.startsWith("label,")) {
        continue;
      }
      String[] f = line.trim().split(",");
      vectors.add(new Vector(f[0], (int) Long.decode(f[1]).longValue(), (int) Long.parseLong(f[2]),
          Long.parseUnsignedLong(f[3].substring(2), 16), Long.parseUnsignedLong(f[4].substring(2), 16),
          (int) Long.decode(f[5]).longValue(), Integer.parseInt(f[6]), Integer.parseInt(f[7])));
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(OracleTest.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void oracleHasAllVectors() {
    assertThat(vectors).hasSize(1568);
  }

  @Test
  void linearMatchesEveryVector() {
    CompiledFilter f = SeccompCompiler.create().compile(moby,
        CompileOptions.builder().optimization(CompileOptions.Optimization.LINEAR).build());
    assertThat(f.length()).isEqualTo(1001);
    replay(f.program(), false);
  }

  @Test
  void defaultOptionsGiveTheBinaryTreeAndMatchEveryVector() {
    CompiledFilter f = SeccompCompiler.create().compile(moby, CompileOptions.defaults());
    assertThat(f.optimization()).isEqualTo(CompileOptions.Optimization.BINARY_TREE);
    assertThat(f.ruleCount()).isEqualTo(377);
    assertThat(f.length()).isEqualTo(1246);
    replay(f.program(), true);
  }

  @Test
  void reportsTheNamesLibseccompDoesNotKnow() {
    CompiledFilter f = SeccompCompiler.create().compile(moby);
    assertThat(f.ignoredSyscalls()).containsExactlyInAnyOrder("getxattrat", "listmount", "listxattrat", "mseal",
        "removexattrat", "riscv_hwprobe", "setxattrat", "statmount", "uretprobe");
  }

  private static void replay(BpfProgram program, boolean tree) {
    List<String> mismatches = new ArrayList<>();
    for (Vector v : vectors) {
      BpfVerdict verdict = program.evaluate(v.arch(), v.nr(), v.a0(), v.a1());
      int expectedInsns = tree ? v.insnsTree() : v.insnsLinear();
      if (verdict.returnValue() != v.expected() || verdict.instructionsExecuted() != expectedInsns) {
        mismatches.add(String.format("%s nr=%d a0=0x%x a1=0x%x: got 0x%08x/%d, expected 0x%08x/%d",
            v.label(), v.nr(), v.a0(), v.a1(), verdict.returnValue(), verdict.instructionsExecuted(),
            v.expected(), expectedInsns));
      }
    }
    assertThat(mismatches).as("oracle mismatches").isEmpty();
  }
}
