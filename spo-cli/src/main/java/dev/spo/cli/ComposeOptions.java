package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.core.compose.BaseProfileResolver;
import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.compose.DirectoryProfileResolver;
import dev.spo.core.compose.MergeStrategy;
import dev.spo.core.compose.ProfileComposer;
import dev.spo.core.compose.Resolvers;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.LayoutReference;
import dev.spo.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How {@code baseProfileName} chains are resolved: local directory, embedded store, registry. */
final class ComposeOptions {
  @Option(
      names = "--bases",
      paramLabel = "DIR",
      description = "Directory of local base profiles, found by metadata.name (default: the profile's directory).")
  @Nullable Path bases;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "Embedded OCI store for oci:// bases: oci://REG/REPO:TAG is read from the OCI layout DIR/REG/REPO "
          + "(tag TAG). Accepts DIR or oci-layout:DIR. Without it, oci:// bases are pulled from their registries.")
  @Nullable String store;

  @Option(
      names = "--strategy",
      paramLabel = "STRATEGY",
      description = "How base and child syscalls combine: union (default, security-profiles-merger), intersect (KEP-6061), append (SPO v0.8-v1.0).")
  String strategy = "union";

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "Depth limit counted as SPO does (default ${DEFAULT-VALUE}: at most 14 bases).")
  int maxDepth = ProfileComposer.DEFAULT_MAX_DEPTH;

  @Option(
      names = "--platform",
      paramLabel = "os/arch[/variant]",
      description = "Platform of oci:// bases (default: this machine's).")
  @Nullable String platform;

  MergeStrategy strategy() {
    return switch (strategy.toLowerCase(java.util.Locale.ROOT)) {
      case "union" -> MergeStrategy.UNION;
      case "intersect" -> MergeStrategy.INTERSECT;
      case "append" -> MergeStrategy.APPEND;
      default -> throw CliException.usage("unknown --strategy '" + strategy + "' (union, intersect, append)");
    };
  }

  Platform platform() {
    if (platform == null) {
      return Platform.current();
    }
    try {
      return Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
  }

  @Nullable Path storeDirectory() {
    if (store == null) {
      return null;
    }
    String s = LayoutReference.isLayoutReference(store) ? store.substring(LayoutReference.SCHEME.length()) : store;
    Path dir = Path.of(s);
    if (!Files.isDirectory(dir)) {
      throw CliException.usage("--store: no such directory: " + dir);
    }
    return dir;
  }

  /**
   * The seccomp profile in {@code file}, composed first when it names a base: what the node gets.
   */
  SeccompProfile readComposed(dev.spo.core.codec.ProfileCodec codec, Path file, RegistryOptions registry,
      VerifyOptions verify) {
    dev.spo.core.Profile p = dev.spo.cli.internal.ProfileIo.read(codec, file);
    if (!(p instanceof SeccompProfile seccomp)) {
      throw CliException.usage(file + ": expected a seccomp profile, this is a " + p.kind());
    }
    if (seccomp.spec().baseProfileName() == null || seccomp.spec().baseProfileName().isEmpty()) {
      return seccomp;
    }
    try (OciAccess oci = OciAccess.verifying(registry, verify)) {
      return compose(seccomp, file, oci).profile();
    }
  }

  /** Composes {@code profile}, read from {@code file}, with the configured resolvers. */
  ComposedProfile compose(SeccompProfile profile, Path file, OciAccess oci) {
    if (maxDepth < 1) {
      throw CliException.usage("--max-depth must be at least 1");
    }
    List<BaseProfileResolver> resolvers = new ArrayList<>();
    Path storeDir = storeDirectory();
    resolvers.add(storeDir != null ? oci.storeResolver(storeDir, platform()) : oci.registryResolver(platform()));
    Path dir = bases;
    if (dir == null) {
      Path parent = file.toAbsolutePath().getParent();
      dir = parent == null ? Path.of(".") : parent;
    } else if (!Files.isDirectory(dir)) {
      throw CliException.usage("--bases: no such directory: " + dir);
    }
    resolvers.add(DirectoryProfileResolver.of(dir));
    ProfileComposer composer = ProfileComposer.builder()
        .resolver(Resolvers.chain(resolvers))
        .strategy(strategy())
        .maxDepth(maxDepth)
        .build();
    return composer.compose(profile);
  }
}
