package dev.spo.selinux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.core.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated CIL is byte-for-byte what the golden files hold, and stable across runs. */
class GoldenCilTest {
  static Stream<String> names() {
    return Goldens.profiles().stream().map(Profile::name);
  }

  @ParameterizedTest
  @MethodSource("names")
  void matchesGolden(String name) throws IOException {
    Profile profile = Goldens.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    String cil = Goldens.translate(profile).cil();
    if (Boolean.getBoolean("spo.updateGoldens")) {
      Files.writeString(Goldens.sourceDir().resolve(name + ".cil"), cil, StandardCharsets.UTF_8);
    }
    Path golden = Goldens.dir().resolve(name + ".cil");
    assertThat(golden).exists();
    assertThat(cil).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    // Stable: a second translation of a freshly read copy yields the same bytes.
    List<Profile> again = Goldens.profiles();
    Profile copy = again.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    assertThat(Goldens.translate(copy).cil().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(cil.getBytes(StandardCharsets.UTF_8));
  }
}
