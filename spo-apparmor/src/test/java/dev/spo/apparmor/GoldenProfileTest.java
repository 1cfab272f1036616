package dev.spo.apparmor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated profiles are byte-for-byte what the golden files hold, and stable across runs. */
class GoldenProfileTest {
  static List<Path> inputs() {
    return Goldens.inputs();
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void matchesGolden(Path input) throws IOException {
    String text = AppArmorGenerator.generate(Goldens.read(input));
    String golden = Goldens.goldenName(input);
    if (Boolean.getBoolean("spo.updateGoldens")) {
      Files.writeString(Goldens.sourceDir().resolve(golden), text, StandardCharsets.UTF_8);
    }
    assertThat(Goldens.dir().resolve(golden)).exists();
    assertThat(text).isEqualTo(Files.readString(Goldens.dir().resolve(golden), StandardCharsets.UTF_8));
    assertThat(AppArmorGenerator.generate(Goldens.read(input)).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }
}
