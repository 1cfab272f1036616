package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import land.oras.Annotations;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.LocalPath;
import land.oras.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * oras-java 0.7.0 as a peer client: ORAS is what SPO's own tooling uses, so what it writes we
 * must read, and what we write it must unpack under the SPO layer titles.
 */
@EnabledOnOs(OS.LINUX)
class OrasInteropIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static RegistryClient client;
  private static OciProfiles oci;
  private static ExecutorService orasPool;
  private static Registry oras;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    client = REGISTRY.clientBuilder().build();
    oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
    // oras-java's own pool has non-daemon threads and no shutdown; give it one we own.
    orasPool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "oras-test");
      t.setDaemon(true);
      return t;
    });
    // insecure() first: called after credentials it would drop them (see reference A.2).
    oras = Registry.builder().insecure().withExecutorService(orasPool).build();
  }

  @AfterAll
  static void tearDown() {
    oci.close();
    client.close();
    orasPool.shutdownNow();
  }

  @Test
  void orasUnpacksOurLayersUnderTheirSpoTitles() throws Exception {
    SeccompProfile amd = TestProfiles.seccomp("p", "amdcall");
    SeccompProfile arm = TestProfiles.seccomp("p", "armcall");
    String ref = REGISTRY.host() + "/oras/ours:v1";
    oci.push(
        ref,
        PushRequest.builder().profile(Platform.parse("linux/amd64"), amd).profile(Platform.parse("linux/arm64"), arm).build());
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    oras.pullArtifact(ContainerRef.parse(ref), out, true);
    ProfileCodec codec = ProfileCodec.defaults();
    assertThat(Files.readString(out.resolve("profile-linux-amd64.yaml"))).isEqualTo(codec.toYaml(amd));
    assertThat(Files.readString(out.resolve("profile-linux-arm64.yaml"))).isEqualTo(codec.toYaml(arm));
  }

  @Test
  void weReadWhatOrasPushesLikeSpocHead() throws Exception {
    SeccompProfile p = TestProfiles.seccomp("from-oras", "read");
    Path file = tmp.resolve("profile.yaml");
    Files.writeString(file, ProfileCodec.defaults().toYaml(p));
    String ref = REGISTRY.host() + "/oras/theirs:v1";
    oras.pushArtifact(
        ContainerRef.parse(ref),
        ArtifactType.from(MediaTypes.SPO_ARTIFACT_TYPE),
        Annotations.ofManifest(Map.of()),
        Config.empty(),
        LocalPath.of(file, MediaTypes.SPO_LAYER));
    PullResult r = oci.pull(ref, PullOptions.defaults().withPlatform(Platform.parse("linux/arm64")));
    assertThat(r.profile()).isEqualTo(p);
    assertThat(r.format()).isEqualTo(ArtifactFormat.SPO);
  }
}
