package dev.spo.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParseLimitsTest {
  private static final String HEAD = "kind: SeccompProfile\nmetadata: {name: x}\nspec:\n  defaultAction: SCMP_ACT_LOG\n";

  @Test
  void documentSizeIsBoundedForStringsAndStreams() {
    ProfileCodec small = ProfileCodec.builder().limits(ParseLimits.defaults().withMaxDocumentBytes(100)).build();
    String big = HEAD + "  listenerMetadata: " + "x".repeat(200) + "\n";
    assertThatThrownBy(() -> small.read(big))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("larger than the limit of 100 bytes");
    assertThatThrownBy(() -> small.read(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), "pipe"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("pipe")
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void billionLaughsIsStoppedByTheExpansionBound() {
    StringBuilder sb = new StringBuilder("kind: SeccompProfile\nmetadata:\n  name: lol\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
    for (int i = 1; i <= 9; i++) {
      sb.append("  l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        sb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      sb.append("]\n");
    }
    sb.append("spec: {defaultAction: SCMP_ACT_LOG}\n");
    long start = System.nanoTime();
    assertThatThrownBy(() -> ProfileCodec.defaults().read(sb.toString()))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("expands to more than");
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void aliasCountIsBoundedAndAliasesExpand() {
    ProfileCodec codec = ProfileCodec.builder().limits(ParseLimits.defaults().withAliases(2, 1000)).build();
    String ok = "kind: SeccompProfile\nmetadata:\n  name: a\n  labels: &l {x: y}\n  annotations: *l\nspec: {defaultAction: SCMP_ACT_LOG}\n";
    assertThat(codec.read(ok).metadata().annotations()).containsEntry("x", "y");
    String tooMany = "kind: SeccompProfile\nmetadata:\n  name: a\n  x: &n [1]\n  y: [*n, *n, *n]\nspec: {defaultAction: SCMP_ACT_LOG}\n";
    assertThatThrownBy(() -> codec.read(tooMany))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("more than 2 YAML aliases");
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: *nope}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/metadata/name")
        .hasMessageContaining("*nope");
  }

  @Test
  void nestingDepthIsBounded() {
    ProfileCodec codec = ProfileCodec.builder().limits(ParseLimits.defaults().withMaxNestingDepth(10)).build();
    String deepJson = "{\"kind\":\"SeccompProfile\",\"metadata\":{\"name\":\"d\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}}";
    assertThatThrownBy(() -> codec.read(deepJson))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("nesting")
        .hasMessageContaining("10");
    String deepYaml = "kind: SeccompProfile\nmetadata:\n  name: d\n  x: " + "[".repeat(20) + "]".repeat(20) + "\n";
    assertThatThrownBy(() -> codec.read(deepYaml)).isInstanceOf(ProfileParseException.class);
    // A very deep input under default limits fails cleanly, not with a StackOverflowError.
    String hostile = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> ProfileCodec.defaults().read(hostile)).isInstanceOf(ProfileParseException.class);
  }

  @Test
  void documentCountAndNumberLengthAreBounded() {
    ProfileCodec codec = ProfileCodec.builder()
        .limits(new ParseLimits(1 << 20, 2, 64, 10, 10_000, 1000, 20))
        .build();
    String doc = "kind: SeccompProfile\nmetadata: {name: a}\nspec: {defaultAction: SCMP_ACT_LOG}\n";
    assertThatThrownBy(() -> codec.readAll(doc + "---\n" + doc + "---\n" + doc))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("more than 2 documents");
    assertThatThrownBy(() -> codec.readRuntimeSeccomp("{\"defaultAction\":\"SCMP_ACT_LOG\",\"defaultErrnoRet\":" + "1".repeat(30) + "}"))
        .isInstanceOf(ProfileParseException.class);
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: a}\nspec: {listenerMetadata: " + "y".repeat(2000) + "}\n"))
        .isInstanceOf(ProfileParseException.class);
  }

  @Test
  void limitsRejectNonsense() {
    assertThatThrownBy(() -> ParseLimits.defaults().withMaxDocumentBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
