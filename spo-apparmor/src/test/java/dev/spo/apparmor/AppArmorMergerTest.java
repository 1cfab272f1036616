package dev.spo.apparmor;

import dev.spo.core.validate.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppArmorMergerTest {
  private static FilesystemRules fs(List<String> ro, List<String> wo, List<String> rw) {
    return new FilesystemRules(ro, wo, rw);
  }

  private static AppArmorAbstract withFs(FilesystemRules f) {
    return AppArmorAbstract.EMPTY.withFilesystem(f);
  }

  @Test
  void readPlusWriteBecomesReadWrite() {
    AppArmorAbstract l = withFs(fs(List.of("/etc/app.conf", "/data/x"), List.of(), List.of()));
    AppArmorAbstract r = withFs(fs(List.of(), List.of("/etc/app.conf", "/var/log/app.log"), List.of()));
    assertThat(AppArmorMerger.union(l, r).filesystem())
        .isEqualTo(fs(List.of("/data/x"), List.of("/var/log/app.log"), List.of("/etc/app.conf")));
  }

  @Test
  void globsCoverLiterals() {
    AppArmorAbstract l = withFs(fs(List.of("/etc/**"), List.of("/var/log/a.log"), List.of()));
    AppArmorAbstract r = withFs(fs(List.of("/etc/nginx/nginx.conf"), List.of("/etc/passwd"), List.of("/var/log/*.log")));
    // /etc/nginx/nginx.conf is already readable through /etc/**; writing /etc/passwd, which /etc/**
    // lets it read, makes it read-write; the rw glob /var/log/*.log absorbs the write-only literal.
    assertThat(AppArmorMerger.union(l, r).filesystem())
        .isEqualTo(fs(List.of("/etc/**"), List.of(), List.of("/etc/passwd", "/var/log/*.log", "/var/log/a.log")));
  }

  @Test
  void starStarExpandsNarrowerGlobs() {
    AppArmorAbstract l = withFs(fs(List.of(), List.of(), List.of("/data/**")));
    AppArmorAbstract r = withFs(fs(List.of("/data/sub/*.txt"), List.of(), List.of("/data/x/**")));
    assertThat(AppArmorMerger.union(l, r).filesystem()).isEqualTo(fs(List.of(), List.of(), List.of("/data/**")));
  }

  @Test
  void setsUnionedSortedAndNormalised() {
    AppArmorAbstract l =
        AppArmorAbstract.EMPTY
            .withExecutable(new ExecutableRules(List.of("/usr/bin/b", "/usr//bin/./a"), List.of("/lib/**")))
            .withCapability(new CapabilityRules(List.of("SETUID", "chown")));
    AppArmorAbstract r =
        AppArmorAbstract.EMPTY
            .withExecutable(new ExecutableRules(List.of("/usr/bin/a", "/bin/sh"), List.of("/lib/x86_64/libc.so")))
            .withCapability(new CapabilityRules(List.of("chown", "net_raw")));
    AppArmorAbstract u = AppArmorMerger.union(l, r);
    assertThat(u.executable()).isEqualTo(new ExecutableRules(List.of("/bin/sh", "/usr/bin/a", "/usr/bin/b"), List.of("/lib/**")));
    assertThat(u.capability()).isEqualTo(new CapabilityRules(List.of("chown", "net_raw", "setuid")));
  }

  @Test
  void booleansOredAndAbsentSectionsDefer() {
    AppArmorAbstract l = AppArmorAbstract.EMPTY.withNetwork(NetworkRules.of(false, true, null));
    AppArmorAbstract r = AppArmorAbstract.EMPTY.withNetwork(NetworkRules.of(true, false, true));
    assertThat(AppArmorMerger.union(l, r).network()).isEqualTo(NetworkRules.of(true, true, true));
    AppArmorAbstract noProtocols = AppArmorAbstract.EMPTY.withNetwork(new NetworkRules(null, null, null, false));
    assertThat(AppArmorMerger.union(noProtocols, l).network()).isEqualTo(NetworkRules.of(false, true, null));
    assertThat(AppArmorMerger.union(AppArmorAbstract.EMPTY, r)).isEqualTo(r);
    assertThat(AppArmorMerger.union(AppArmorAbstract.EMPTY, AppArmorAbstract.EMPTY)).isEqualTo(AppArmorAbstract.EMPTY);
  }

  /**
   * Like upstream's, the union is order-sensitive in spelling (a right-hand literal that a
   * left-hand glob grants is dropped, not the other way round) but grants the same either way.
   */
  @Test
  void unionIsIdempotentAndGrantsEverythingEitherSideGrants() {
    for (var in : Goldens.inputs()) {
      AppArmorAbstract a = Goldens.read(in).spec().abstractRules();
      AppArmorAbstract once = AppArmorMerger.union(a, a);
      assertThat(AppArmorMerger.union(once, once)).isEqualTo(once);
      for (var other : Goldens.inputs()) {
        AppArmorAbstract b = Goldens.read(other).spec().abstractRules();
        AppArmorAbstract u = AppArmorMerger.union(a, b);
        for (AppArmorAbstract side : List.of(a, b)) {
          assertGranted(side.executable().allowedExecutables(), u.executable().allowedExecutables());
          assertGranted(side.executable().allowedLibraries(), u.executable().allowedLibraries());
          FilesystemRules f = side.filesystem();
          FilesystemRules uf = u.filesystem();
          List<String> readable = concat(uf.readOnlyPaths(), uf.readWritePaths());
          List<String> writable = concat(uf.writeOnlyPaths(), uf.readWritePaths());
          assertGranted(f.readOnlyPaths(), readable);
          assertGranted(f.writeOnlyPaths(), writable);
          assertGranted(f.readWritePaths(), readable);
          assertGranted(f.readWritePaths(), writable);
          assertThat(u.capability().allowedCapabilities()).containsAll(side.capability().allowedCapabilities().stream().map(c -> c.strip().toLowerCase(java.util.Locale.ROOT)).toList());
        }
      }
    }
  }

  private static List<String> concat(List<String> x, List<String> y) {
    List<String> out = new java.util.ArrayList<>(x);
    out.addAll(y);
    return out;
  }

  private static void assertGranted(List<String> paths, List<String> by) {
    dev.spo.apparmor.internal.PathSet set = new dev.spo.apparmor.internal.PathSet(by);
    for (String p : paths) {
      assertThat(set.covers(p)).as("%s granted by %s", p, by).isTrue();
    }
  }

  @Test
  void profileUnionKeepsFirstMetadataAndValidates() {
    AppArmorProfile a = AppArmorProfile.of("a", AppArmorSpec.of(withFs(fs(List.of("/etc/x"), List.of(), List.of()))));
    AppArmorProfile b =
        AppArmorProfile.of("b", AppArmorSpec.of(withFs(fs(List.of(), List.of("/etc/x"), List.of()))).withMode(AppArmorMode.COMPLAIN));
    AppArmorProfile u = AppArmorMerger.union(a, b);
    assertThat(u.name()).isEqualTo("a");
    assertThat(u.spec().mode()).isEqualTo(AppArmorMode.COMPLAIN);
    assertThat(u.spec().abstractRules().filesystem()).isEqualTo(fs(List.of(), List.of(), List.of("/etc/x")));
    AppArmorProfile bad = AppArmorProfile.of("bad", AppArmorSpec.of(withFs(fs(List.of("relative"), List.of(), List.of()))));
    assertThatThrownBy(() -> AppArmorMerger.union(a, bad)).isInstanceOf(ValidationException.class);
  }
}
