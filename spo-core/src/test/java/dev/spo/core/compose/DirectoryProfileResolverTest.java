package dev.spo.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.spo.core.compose.CompositionException.Reason;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.Syscall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryProfileResolverTest {
  @TempDir Path dir;

  private static String yaml(String name, String base, String syscall) {
    return "apiVersion: security-profiles-operator.x-k8s.io/v1\n"
        + "kind: SeccompProfile\n"
        + "metadata:\n  name: " + name + "\n"
        + "spec:\n"
        + "  defaultAction: SCMP_ACT_ERRNO\n"
        + (base.isEmpty() ? "" : "  baseProfileName: " + base + "\n")
        + "  syscalls:\n"
        + "  - action: SCMP_ACT_ALLOW\n    names: [" + syscall + "]\n";
  }

  private Path write(String file, String text) throws IOException {
    return Files.writeString(dir.resolve(file), text);
  }

  @Test
  void resolvesByMetadataNameNotFileName() throws Exception {
    Path file = write("whatever.yaml", yaml("runc-base", "", "read"));
    write("multi.yml", yaml("one", "", "open") + "---\n" + yaml("two", "one", "close"));
    write("notes.txt", "not a profile");
    write(".hidden.yaml", "this: [is not read");

    DirectoryProfileResolver resolver = DirectoryProfileResolver.of(dir);

    assertThat(resolver.names()).containsExactly("one", "runc-base", "two");
    ResolvedProfile found = resolver.resolve("runc-base", "app").orElseThrow();
    assertThat(found.origin()).isEqualTo(file.toString());
    String expectedDigest = "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(found.digest()).isEqualTo(expectedDigest);
    assertThat(((SeccompProfile) found.profile()).spec().syscalls()).containsExactly(Syscall.of(SeccompAction.ALLOW, "read"));
    assertThat(resolver.resolve("two", "app").orElseThrow().origin()).endsWith("multi.yml (document 2)");
    assertThat(resolver.resolve("whatever", "app")).isEmpty();
    assertThat(resolver.supports("oci://x/y")).isFalse();
  }

  @Test
  void composesAChainFromFiles() throws Exception {
    write("a.yaml", yaml("base-a", "base-b", "read"));
    write("b.yaml", yaml("base-b", "", "write"));
    SeccompProfile app = (SeccompProfile) dev.spo.core.codec.ProfileCodec.defaults().read(yaml("app", "base-a", "exit"));

    ComposedProfile composed = ProfileComposer.builder().resolver(DirectoryProfileResolver.of(dir)).build().compose(app);

    assertThat(composed.chain()).extracting(ResolutionStep::name).containsExactly("base-a", "base-b");
    assertThat(composed.syscallsAnnotation())
        .isEqualTo("[{\"names\":[\"exit\"],\"action\":\"SCMP_ACT_ALLOW\"},"
            + "{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"},"
            + "{\"names\":[\"write\"],\"action\":\"SCMP_ACT_ALLOW\"}]");
  }

  @Test
  void runtimeJsonIsNamedAfterTheFile() throws Exception {
    write("crun-base.json", "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}");
    assertThat(DirectoryProfileResolver.of(dir).resolve("crun-base", "app")).isPresent();
  }

  @Test
  void duplicateNamesNameBothFiles() throws Exception {
    Path first = write("first.yaml", yaml("dup", "", "read"));
    Path second = write("second.yaml", yaml("dup", "", "write"));
    DirectoryProfileResolver resolver = DirectoryProfileResolver.of(dir);

    assertThatThrownBy(() -> resolver.resolve("dup", "app"))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.RESOLVER_FAILED);
          assertThat(e).hasMessageContaining("'dup'")
              .hasMessageContaining(first.toString())
              .hasMessageContaining(second.toString());
        });

    // A failed scan is not cached: fixing the directory fixes the next lookup.
    Files.delete(second);
    assertThat(resolver.resolve("dup", "app")).isPresent();
  }

  @Test
  void indexIsASnapshotUntilRescan() throws Exception {
    write("a.yaml", yaml("a", "", "read"));
    DirectoryProfileResolver resolver = DirectoryProfileResolver.of(dir);
    assertThat(resolver.names()).containsExactly("a");
    write("b.yaml", yaml("b", "", "read"));
    assertThat(resolver.resolve("b", "app")).isEmpty();
    resolver.rescan();
    assertThat(resolver.resolve("b", "app")).isPresent();
  }

  @Test
  void limitsBoundTheScan() throws Exception {
    write("a.yaml", yaml("a", "", "read"));
    write("b.yaml", yaml("b", "", "read"));
    assertThatThrownBy(() -> DirectoryProfileResolver.builder(dir).maxFiles(1).build().names())
        .isInstanceOf(CompositionException.class)
        .hasMessageContaining("more than 1 profile files");
    long oneFile = Files.size(dir.resolve("a.yaml"));
    assertThatThrownBy(() -> DirectoryProfileResolver.builder(dir).maxTotalBytes(oneFile + 1).build().names())
        .isInstanceOf(CompositionException.class)
        .hasMessageContaining("limit of " + (oneFile + 1) + " bytes");
  }

  @Test
  void unparsableFileIsAResolverFailureWithTheFileName() throws Exception {
    Path bad = write("bad.yaml", "kind: SeccompProfile\nmetadata: {name: x}\nspec: {defaultAction: NOPE}\n");
    assertThatThrownBy(() -> DirectoryProfileResolver.of(dir).resolve("x", "app"))
        .asInstanceOf(type(CompositionException.class))
        .satisfies(e -> {
          assertThat(e.reason()).isEqualTo(Reason.RESOLVER_FAILED);
          assertThat(e).hasMessageContaining(bad.toString());
          assertThat(e.getCause()).isNotNull();
        });
    // Missing directory.
    assertThatThrownBy(() -> DirectoryProfileResolver.of(dir.resolve("nope")).names())
        .isInstanceOf(CompositionException.class);
    assertThat(new String(Files.readAllBytes(bad), StandardCharsets.UTF_8)).contains("NOPE");
  }
}
