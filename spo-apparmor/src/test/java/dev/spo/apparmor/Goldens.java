package dev.spo.apparmor;

import dev.spo.core.codec.ProfileCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The golden profiles of src/test/resources/golden. */
final class Goldens {
  private Goldens() {}

  static Path dir() {
    try {
      return Path.of(Objects.requireNonNull(Goldens.class.getResource("/golden/web-server.yaml")).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path sourceDir() {
    return Path.of("src/test/resources/golden");
  }

  static List<Path> inputs() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AppArmorProfile read(Path p) {
    return ProfileCodec.defaults().read(p, AppArmorProfile.class);
  }

  static String goldenName(Path input) {
    String f = input.getFileName().toString();
    return f.substring(0, f.length() - ".yaml".length()) + ".profile";
  }
}
