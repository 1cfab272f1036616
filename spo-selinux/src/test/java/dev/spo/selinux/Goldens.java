package dev.spo.selinux;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** The golden profiles of src/test/resources/golden and the translator the tests use. */
final class Goldens {
  static final SelinuxPolicyOptions OPTIONS =
      SelinuxPolicyOptions.builder().allowedSystemProfiles(Set.of("container", "net_container")).build();

  private Goldens() {}

  static Path dir() {
    try {
      return Path.of(Objects.requireNonNull(Goldens.class.getResource("/golden/web-server.yaml")).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Source directory of the goldens, for regenerating them with -Dspo.updateGoldens=true. */
  static Path sourceDir() {
    return Path.of("src/test/resources/golden");
  }

  static List<Profile> profiles() {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .map(p -> ProfileCodec.defaults().read(p))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CilTranslator translator() {
    return CilTranslator.builder().options(OPTIONS).resolver(new MapResolver(profiles())).build();
  }

  static CilPolicy translate(Profile p) {
    if (p instanceof SelinuxProfile sp) {
      return translator().translate(sp);
    }
    return translator().translate((RawSelinuxProfile) p);
  }

  static Path base() {
    try {
      return Path.of(Objects.requireNonNull(Goldens.class.getResource("/selinux/base.cil")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
