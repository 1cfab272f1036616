package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void variantNormalization() {
    assertThat(Platform.parse("linux/arm64").matches(Platform.parse("linux/arm64/v8"))).isTrue();
    assertThat(Platform.parse("linux/arm").matches(Platform.parse("linux/arm/v7"))).isTrue();
    assertThat(Platform.parse("linux/arm").matches(Platform.parse("linux/arm/v6"))).isFalse();
    assertThat(Platform.parse("linux/amd64/v1").matches(Platform.parse("linux/amd64"))).isTrue();
    assertThat(Platform.parse("linux/amd64/v3").matches(Platform.parse("linux/amd64"))).isFalse();
    assertThat(Platform.parse("linux/amd64").matches(Platform.parse("windows/amd64"))).isFalse();
    assertThat(new Platform("linux", "amd64", null, "1").matches(Platform.parse("linux/amd64"))).isFalse();
  }

  @Test
  void layerTitles() {
    assertThat(Platform.parse("linux/amd64").layerTitle()).isEqualTo("profile-linux-amd64.yaml");
    assertThat(Platform.parse("linux/arm/v7").layerTitle()).isEqualTo("profile-linux-arm-v7.yaml");
    assertThat(Platform.parse("linux/arm64").equivalentLayerTitles())
        .containsExactly("profile-linux-arm64.yaml", "profile-linux-arm64-v8.yaml");
    assertThat(Platform.parse("linux/arm").equivalentLayerTitles())
        .containsExactly("profile-linux-arm.yaml", "profile-linux-arm-v7.yaml");
  }

  @Test
  void parseAndCurrent() {
    assertThat(Platform.parse("linux/arm/v7")).isEqualTo(Platform.of("linux", "arm", "v7"));
    assertThat(Platform.parse("linux/amd64").toString()).isEqualTo("linux/amd64");
    assertThatThrownBy(() -> Platform.parse("linux")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Platform.current().os()).isEqualTo("linux");
    assertThat(Platform.current().architecture()).isNotEqualTo("x86_64").isNotEqualTo("aarch64");
  }
}
