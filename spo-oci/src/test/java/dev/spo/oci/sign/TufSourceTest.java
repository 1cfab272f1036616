package dev.spo.oci.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigstore.tuf.RootProvider;
import dev.sigstore.tuf.SigstoreTufClient;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TufSource} configuration; nothing here touches the network. */
class TufSourceTest {
  @Test
  void publicGoodUsesSigstoresMirrorAndEmbeddedRoot() throws Exception {
    TufSource source = TufSource.publicGood();
    assertThat(source.isPublicGood()).isTrue();
    assertThat(source.mirror()).isEqualTo(URI.create("https://tuf-repo-cdn.sigstore.dev/"));
    assertThat(source.initialRoot()).isEmpty();
    assertThat(source.cacheDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".sigstore-java", "root"));
    assertThat(source.timeout()).isEqualTo(TufSource.DEFAULT_TIMEOUT);

    // Our constant must stay what sigstore-java's usePublicGoodInstance() configures (fromTuf calls
    // that, the constant only describes it); a sigstore-java upgrade that moves the mirror fails here.
    SigstoreTufClient.Builder builder = SigstoreTufClient.builder().usePublicGoodInstance();
    Field mirror = SigstoreTufClient.Builder.class.getDeclaredField("remoteMirror");
    mirror.setAccessible(true);
    assertThat(mirror.get(builder)).isEqualTo(TufSource.PUBLIC_GOOD_MIRROR);
    // The embedded bootstrap root ships in the jar: no download needed to start the chain of trust.
    assertThat(RootProvider.fromResource(SigstoreTufClient.PUBLIC_GOOD_ROOT_RESOURCE).get()).contains("\"_type\"").contains("root");
  }

  @Test
  void publicGoodWithOwnCache(@TempDir Path cache) {
    TufSource source = TufSource.publicGood(cache).withTimeout(Duration.ofSeconds(5));
    assertThat(source.isPublicGood()).isTrue();
    assertThat(source.cacheDir()).isEqualTo(cache);
    assertThat(source.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(source.toString()).contains("public-good").contains("https://tuf-repo-cdn.sigstore.dev/");
  }

  @Test
  void privateMirror(@TempDir Path dir) {
    TufSource source = TufSource.mirror(URI.create("https://tuf.internal/repo/"), dir.resolve("root.json"), dir.resolve("cache"));
    assertThat(source.isPublicGood()).isFalse();
    assertThat(source.initialRoot()).contains(dir.resolve("root.json"));
    assertThat(source.mirror()).isEqualTo(URI.create("https://tuf.internal/repo/"));
    assertThatThrownBy(() -> TufSource.mirror(URI.create("file:///srv/tuf"), dir, dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> source.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
