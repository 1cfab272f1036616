package dev.spo.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spo.core.ProfilePhase;
import dev.spo.core.ProfileState;
import dev.spo.core.Profile;
import dev.spo.core.seccomp.ArgOperator;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompFlag;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.core.seccomp.SyscallArg;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileCodecTest {
  private final ProfileCodec codec = ProfileCodec.defaults();

  static String resource(String name) throws IOException {
    try (InputStream in = ProfileCodecTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seccomp-all-fields.yaml", "seccomp-minimal.yaml", "seccomp-empty-flags.yaml"})
  void canonicalV1DocumentsRoundTripByteForByte(String name) throws IOException {
    String text = resource(name);
    Profile profile = codec.read(text);
    assertThat(codec.toYaml(profile)).isEqualTo(text);
    assertThat(codec.read(codec.toJson(profile))).isEqualTo(profile);
    assertThat(codec.read(codec.toPrettyJson(profile))).isEqualTo(profile);
  }

  @Test
  void everyFieldIsDecoded() throws IOException {
    SeccompProfile p = codec.read(resource("seccomp-all-fields.yaml"), SeccompProfile.class);
    assertThat(p.metadata().name()).isEqualTo("all-fields");
    assertThat(p.metadata().namespace()).isEqualTo("security-profiles-operator");
    assertThat(p.metadata().labels()).containsEntry("spo.x-k8s.io/partial", "true");
    assertThat(p.metadata().extra()).containsKeys("uid", "resourceVersion", "generation", "ownerReferences");
    assertThat(p.metadata().extra().get("generation")).isEqualTo(3L);
    SeccompSpec spec = p.spec();
    assertThat(spec.state()).isEqualTo(ProfileState.ENABLED);
    assertThat(spec.baseProfileName()).isEqualTo("oci://ghcr.io/security-profiles/runc:v1.2.0");
    assertThat(spec.defaultAction()).isEqualTo(SeccompAction.ERRNO);
    assertThat(spec.architectures()).containsExactly(SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32);
    assertThat(spec.listenerPath()).isEqualTo("/var/run/security-profiles-operator/agent.sock");
    assertThat(spec.listenerMetadata()).isEqualTo("opaque-agent-data");
    assertThat(spec.flags()).containsExactly(SeccompFlag.values());
    assertThat(spec.syscalls()).hasSize(13);
    assertThat(spec.syscalls().stream().map(Syscall::action).distinct()).containsExactlyInAnyOrder(SeccompAction.values());
    assertThat(spec.syscalls().get(1).errnoRet()).isEqualTo(1);
    assertThat(spec.syscalls().get(4).args()).containsExactly(new SyscallArg(0, 1, 2, ArgOperator.GE));
    assertThat(spec.syscalls().get(12).args()).extracting(SyscallArg::op)
        .containsExactly(ArgOperator.NE, ArgOperator.LT, ArgOperator.LE, ArgOperator.GT);
    assertThat(p.status()).isNotNull();
    assertThat(p.status().status()).isEqualTo(ProfilePhase.INSTALLED);
    assertThat(p.status().conditions()).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo("Ready");
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo("Available");
    });
    assertThat(p.status().activeWorkloads()).containsExactly("default/nginx");
    assertThat(p.status().localhostProfile()).isEqualTo("operator/all-fields.json");
  }

  @Test
  void absentFlagsDifferFromEmptyFlags() throws IOException {
    SeccompProfile absent = codec.read(resource("seccomp-minimal.yaml"), SeccompProfile.class);
    SeccompProfile empty = codec.read(resource("seccomp-empty-flags.yaml"), SeccompProfile.class);
    assertThat(absent.spec().flags()).isNull();
    assertThat(empty.spec().flags()).isEmpty();
    assertThat(codec.toYaml(empty)).contains("flags: []");
    assertThat(codec.toYaml(absent)).doesNotContain("flags");
  }

  @Test
  void olderApiVersionsAreReadAndV1IsWritten() throws IOException {
    SeccompProfile p = codec.read(resource("seccomp-v1beta1-disabled.yaml"), SeccompProfile.class);
    assertThat(p.spec().state()).isEqualTo(ProfileState.DISABLED);
    assertThat(p.spec().enabled()).isFalse();
    String yaml = codec.toYaml(p);
    assertThat(yaml).startsWith("apiVersion: security-profiles-operator.x-k8s.io/v1\n");
    assertThat(yaml).contains("state: Disabled").doesNotContain("disabled:");
    assertThat(codec.read(yaml)).isEqualTo(p);
  }

  @Test
  void v1alpha1IsAcceptedAndUnknownVersionsAreNot() {
    String doc = "apiVersion: security-profiles-operator.x-k8s.io/%s\nkind: SeccompProfile\nmetadata: {name: a}\nspec: {defaultAction: SCMP_ACT_LOG}\n";
    assertThat(codec.read(doc.formatted("v1alpha1")).name()).isEqualTo("a");
    assertThatThrownBy(() -> codec.read(doc.formatted("v9")))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/apiVersion")
        .hasMessageContaining("unsupported apiVersion");
  }

  @Test
  void multiDocumentStreamsKeepOrder() throws IOException {
    List<Profile> profiles = codec.readAll(resource("seccomp-multi.yaml"));
    assertThat(profiles).extracting(Profile::name).containsExactly("first", "second");
    String written = codec.toYaml(profiles);
    assertThat(written).isEqualTo(resource("seccomp-multi.yaml"));
    assertThat(codec.readAll(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)), "stream"))
        .isEqualTo(profiles);
  }

  @Test
  void readsFromPaths(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, resource("seccomp-minimal.yaml"));
    assertThat(codec.read(file, SeccompProfile.class).name()).isEqualTo("minimal");
    assertThatThrownBy(() -> codec.read(dir.resolve("missing.yaml")))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("cannot read file");
  }

  @Test
  void runtimeSpecJsonRoundTripsWithDefaultErrnoRetAndUnsignedValues() throws IOException {
    String json = resource("runtime-all-fields.json");
    SeccompSpec spec = codec.readRuntimeSeccomp(json);
    assertThat(spec.defaultErrnoRet()).isEqualTo(38);
    assertThat(spec.architectures()).containsExactly(SeccompArch.AARCH64, SeccompArch.ARM);
    assertThat(spec.syscalls().get(1).args().get(0).value()).isEqualTo(-1L); // 2^64-1 as unsigned bits
    assertThat(codec.toRuntimeJson(spec, true)).isEqualTo(json);
    assertThat(codec.readRuntimeSeccomp(codec.toRuntimeJson(spec, false))).isEqualTo(spec);
  }

  @Test
  void runtimeJsonRejectsNegativeAndOversizedNumbers() {
    assertThatThrownBy(() -> codec.readRuntimeSeccomp(
            "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"a\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":-1,\"op\":\"SCMP_CMP_EQ\"}]}]}"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/syscalls/0/args/0/value")
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> codec.readRuntimeSeccomp(
            "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"a\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":18446744073709551616,\"op\":\"SCMP_CMP_EQ\"}]}]}"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("larger than 18446744073709551615");
  }

  @Test
  void detectsRuntimeJsonAndNamesItAfterTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("My_Profile.json");
    Files.writeString(file, resource("runtime-all-fields.json"));
    Profile p = codec.readDetected(file);
    assertThat(p).isInstanceOf(SeccompProfile.class);
    assertThat(p.name()).isEqualTo("my-profile");
    Path crd = dir.resolve("crd.yaml");
    Files.writeString(crd, resource("seccomp-minimal.yaml"));
    assertThat(codec.readDetected(crd).name()).isEqualTo("minimal");
  }

  @Test
  void dockerFormatIsRecognisedWithAHint() {
    assertThatThrownBy(() -> codec.readRuntimeSeccomp("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"archMap\":[]}"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/archMap")
        .hasMessageContaining("DockerProfiles.flatten");
  }

  @Test
  void nodeFileMatchesSposCompactJson() {
    SeccompSpec spec = SeccompSpec.builder()
        .state(ProfileState.ENABLED)
        .baseProfileName("base")
        .defaultAction(SeccompAction.ERRNO)
        .architectures(SeccompArch.X86_64)
        .addSyscall(new Syscall(List.of("read"), SeccompAction.ALLOW, 0, List.of(new SyscallArg(0, 0, 0, ArgOperator.EQ))))
        .flags(List.of())
        .build();
    assertThat(codec.toNodeFileJson(spec)).isEqualTo(
        "{\"state\":\"Enabled\",\"baseProfileName\":\"base\",\"defaultAction\":\"SCMP_ACT_ERRNO\","
            + "\"architectures\":[\"SCMP_ARCH_X86_64\"],\"syscalls\":[{\"names\":[\"read\"],"
            + "\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}");
    assertThat(codec.syscallsAnnotation(List.of(Syscall.of(SeccompAction.ALLOW, "read", "write"))))
        .isEqualTo("[{\"names\":[\"read\",\"write\"],\"action\":\"SCMP_ACT_ALLOW\"}]");
  }

  @Test
  void unknownSpecFieldsAreRejectedWithPointerOrWarnedWhenAsked() {
    String doc = "kind: SeccompProfile\nmetadata: {name: typo}\nspec:\n  defaultAction: SCMP_ACT_LOG\n  syscalls:\n  - names: [read]\n    action: SCMP_ACT_ALLOW\n    errno: 1\n";
    assertThatThrownBy(() -> codec.read(doc))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("profile 'typo'")
        .hasMessageContaining("/spec/syscalls/0/errno")
        .hasMessageContaining("unknown field")
        .satisfies(e -> assertThat(((ProfileParseException) e).pointer()).isEqualTo("/spec/syscalls/0/errno"));
    ProfileCodec lenient = ProfileCodec.builder().unknownFields(UnknownFieldPolicy.WARN).build();
    assertThat(lenient.read(doc, SeccompProfile.class).spec().syscalls()).hasSize(1);
  }

  @Test
  void wrongTypesAndEnumsNameTheField() {
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: x}\nspec: {defaultAction: SCMP_ACT_NOPE}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/defaultAction")
        .hasMessageContaining("SCMP_ACT_NOPE")
        .hasMessageContaining("SCMP_ACT_ALLOW");
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: x}\nspec: {defaultAction: SCMP_ACT_LOG, architectures: [SCMP_ARCH_Z80]}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/architectures/0");
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: x}\nspec: {syscalls: [{names: read, action: SCMP_ACT_ALLOW}]}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/syscalls/0/names")
        .hasMessageContaining("expected a list");
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: x}\nspec: {syscalls: [{names: [read]}]}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/syscalls/0/action")
        .hasMessageContaining("required");
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nmetadata: {name: x}\nspec: {syscalls: [{names: [read], action: SCMP_ACT_ERRNO, errnoRet: 4294967296}]}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/spec/syscalls/0/errnoRet");
    assertThatThrownBy(() -> codec.read("kind: Pod\nmetadata: {name: x}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("unknown kind 'Pod'")
        .hasMessageContaining("SeccompProfile");
    assertThatThrownBy(() -> codec.read("metadata: {name: x}\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("/kind");
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    assertThatThrownBy(() -> codec.read("kind: SeccompProfile\nspec:\n  defaultAction: [\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("line ");
    assertThatThrownBy(() -> codec.read("{\"kind\": \"SeccompProfile\", \"kind\": \"X\"}"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("kind");
  }

  @Test
  void exactlyOneProfileIsRequiredBySingleReads() throws IOException {
    String multi = resource("seccomp-multi.yaml");
    assertThatThrownBy(() -> codec.read(multi))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("expected exactly one profile, found 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4711", "1.5", "-3", "1e3", "0x1F", "0o17", "true", "True", "FALSE", "yes", "no", "on", "off",
      "null", "Null", "~", "", " lead", "trail ", "a: b", "#x", "@x", "*x", "&x", "!x", "'", "\"", "2026-11-01",
      ".inf", "-.Inf", ".NaN", "- x", "? x", "{a}", "[a]", "x\ny", "tab\there", "ümlaut", "1:30", "0b101", "+.5", "%x", "`x", "|", ">"})
  void stringsThatLookLikeOtherYamlSurviveARoundTrip(String value) {
    SeccompProfile p = new SeccompProfile(
        dev.spo.core.ObjectMeta.named("q").withAnnotation("v", value).withLabel("l", value),
        SeccompSpec.builder().defaultAction(SeccompAction.LOG).listenerMetadata(value).build(),
        null);
    SeccompProfile back = codec.read(codec.toYaml(p), SeccompProfile.class);
    assertThat(back.metadata().annotations().get("v")).isEqualTo(value);
    assertThat(back.spec().listenerMetadata()).isEqualTo(value);
    assertThat(back).isEqualTo(p);
  }

  @Test
  void streamedAnnotationEqualsTheTreeEncoding() throws IOException {
    SeccompProfile p = codec.read(resource("seccomp-all-fields.yaml"), SeccompProfile.class);
    List<Syscall> rules = new java.util.ArrayList<>(p.spec().syscalls());
    rules.add(new Syscall(List.of("x", "y\"z"), SeccompAction.ERRNO, 0, List.of(new SyscallArg(5, -1L, Long.MIN_VALUE, ArgOperator.MASKED_EQ))));
    String expected = dev.spo.core.internal.TreeWriter.json(dev.spo.core.internal.SeccompSpecCodec.encodeSyscalls(rules, true));
    assertThat(codec.syscallsAnnotation(rules)).isEqualTo(expected).contains("18446744073709551615").doesNotContain("\"errnoRet\":0");
  }
}
