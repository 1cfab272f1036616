package dev.spo.testing.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings and errors that need no registry process. */
class LocalRegistryTest {
  @Test
  void missingBinaryNamesThePackageToInstall() {
    assertThatThrownBy(() -> LocalRegistry.builder().binary(Path.of("/nonexistent/docker-registry")).start())
        .isInstanceOf(LocalRegistryException.class)
        .hasMessageContaining("/nonexistent/docker-registry")
        .hasMessageContaining("apt-get install docker-registry");
  }

  @Test
  void registryIsOnlyAvailableWhileTheClassRuns() {
    assertThatThrownBy(() -> new LocalRegistryExtension().registry())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("static field");
  }

  @Test
  void startupTimeoutMustBePositive() {
    assertThatThrownBy(() -> LocalRegistry.builder().startupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
