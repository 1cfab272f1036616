package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.internal.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** skopeo (containers/image) as an independent OCI client. */
@EnabledOnOs(OS.LINUX)
class SkopeoInteropIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");

  private static RegistryClient client;
  private static OciProfiles oci;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    client = REGISTRY.clientBuilder().build();
    oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterAll
  static void tearDown() {
    oci.close();
    client.close();
  }

  private static String skopeo(String... args) throws Exception {
    String[] argv = new String[args.length + 1];
    argv[0] = "skopeo";
    System.arraycopy(args, 0, argv, 1, args.length);
    return LocalRegistry.run(argv);
  }

  @Test
  void skopeoSeesOurManifestAsPushed() throws Exception {
    String ref = REGISTRY.host() + "/interop/raw:v1";
    PushResult pushed =
        oci.push(
            ref,
            PushRequest.builder()
                .profile(AMD64, TestProfiles.seccomp("raw", "read"))
                .profile(ARM64, TestProfiles.seccomp("raw", "write"))
                .build());
    String raw = skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + ref);
    assertThat(Digests.sha256(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(pushed.digest());
    assertThat(raw).contains("\"artifactType\":\"application/vnd.unknown.config.v1+json\"");
  }

  @Test
  void skopeoCopyIntoAnOciLayoutIsPullableByOurLayoutStore() throws Exception {
    String ref = REGISTRY.host() + "/interop/copy:v1";
    SeccompProfile amd = TestProfiles.seccomp("copy", "amdcall");
    PushResult pushed =
        oci.push(ref, PushRequest.builder().profile(AMD64, amd).profile(ARM64, TestProfiles.seccomp("copy", "armcall")).build());
    Path layout = tmp.resolve("skopeo-layout");
    skopeo("copy", "--src-tls-verify=false", "--preserve-digests", "docker://" + ref, "oci:" + layout + ":copied");
    PullResult r = oci.pull("oci-layout:" + layout + ":copied", PullOptions.defaults().withPlatform(AMD64));
    assertThat(r.digest()).isEqualTo(pushed.digest());
    assertThat(r.profile()).isEqualTo(amd);
  }

  @Test
  void ourLayoutIsReadableAndCopyableBySkopeo() throws Exception {
    Path layout = tmp.resolve("our-layout");
    SeccompProfile p = TestProfiles.seccomp("ours", "read");
    PushResult pushed =
        oci.push("oci-layout:" + layout + ":v1", PushRequest.builder().format(ArtifactFormat.SECCOMP_RUNTIME).profile(p).build());
    String raw = skopeo("inspect", "--raw", "oci:" + layout + ":v1");
    assertThat(Digests.sha256(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(pushed.digest());
    String target = REGISTRY.host() + "/interop/from-layout:v1";
    skopeo("copy", "--dest-tls-verify=false", "--preserve-digests", "oci:" + layout + ":v1", "docker://" + target);
    PullResult r = oci.pull(target);
    assertThat(r.digest()).isEqualTo(pushed.digest());
    assertThat(r.format()).isEqualTo(ArtifactFormat.SECCOMP_RUNTIME);
    assertThat(((SeccompProfile) r.profile()).spec()).isEqualTo(p.spec());
    assertThat(Files.exists(layout.resolve("index.json"))).isTrue();
  }
}
