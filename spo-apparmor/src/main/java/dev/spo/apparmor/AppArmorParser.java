package dev.spo.apparmor;

import dev.spo.core.tool.ToolExecutionException;
import dev.spo.core.tool.ToolResult;
import dev.spo.core.tool.ToolRunner;
import dev.spo.core.tool.ToolWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks AppArmor profile text with the real {@code apparmor_parser -Q -K} (Debian package
 * {@code apparmor}): the profile is parsed and compiled but neither loaded into the kernel nor
 * cached, so it runs unprivileged and without AppArmor in the kernel. The text is written to a
 * file named after the profile in a fresh temporary directory. The notices the parser prints on
 * every run on hosts without AppArmor securityfs are dropped from stderr. Immutable and
 * thread-safe.
 */
public final class AppArmorParser {
  /** Where Debian installs the parser; {@code /sbin/apparmor_parser} is tried as well. */
  public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/sbin/apparmor_parser");

  private static final List<String> NOISE =
      List.of(
          "Cache read/write disabled: interface file missing.",
          "Warning: unable to find a suitable fs in /proc/mounts, is it mounted?",
          "Use --subdomainfs to override.");

  private final Path executable;
  private final ToolRunner runner;
  private final @Nullable Path includeDir;

  private AppArmorParser(Builder b) {
    this.executable = b.executable;
    this.runner = b.runner;
    this.includeDir = b.includeDir;
  }

  /** The parser at its Debian location (or {@code /sbin}), default tool runner. */
  public static AppArmorParser defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The parser binary, when it is installed. */
  public static Optional<Path> locate() {
    return Optional.ofNullable(
        ToolRunner.findExecutable(List.of(DEFAULT_EXECUTABLE, Path.of("/sbin/apparmor_parser"))));
  }

  /**
   * Parses and compiles the profile text without loading it.
   *
   * @param fileName name of the file the text is written to (appears in the parser's messages)
   * @return the finished run, with the host noise removed from stderr
   * @throws ToolExecutionException when the parser rejects the profile (with its stderr), cannot
   *     be started or times out
   */
  public ToolResult check(String fileName, String profileText) {
    if (fileName.isEmpty() || fileName.contains("/") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: " + fileName);
    }
    try (ToolWorkspace workspace = ToolWorkspace.create("apparmor_parser")) {
      workspace.write(fileName, profileText);
      List<String> argv = new ArrayList<>(List.of(executable.toString(), "-Q", "-K"));
      if (includeDir != null) {
        argv.add("-I");
        argv.add(includeDir.toAbsolutePath().toString());
      }
      argv.add(fileName);
      ToolResult r = runner.run(argv, workspace.dir());
      String stderr = filterNoise(r.stderr());
      if (!r.succeeded()) {
        throw ToolExecutionException.failed(r, stderr, "apparmor_parser rejected the profile");
      }
      return new ToolResult(r.argv(), r.exitCode(), r.stdout(), stderr, r.truncated(), r.duration());
    }
  }

  /** Generates the profile's text and checks it; the file is named {@link AppArmorProfile#nodeFileName()}. */
  public ToolResult check(AppArmorProfile profile) {
    return check(profile.nodeFileName(), AppArmorGenerator.generate(profile));
  }

  static String filterNoise(String stderr) {
    String kept =
        stderr.lines().filter(line -> NOISE.stream().noneMatch(line::startsWith)).collect(Collectors.joining("\n"));
    return kept.isEmpty() ? "" : kept + "\n";
  }

  /** Builder of {@link AppArmorParser}. */
  public static final class Builder {
    private Path executable = locate().orElse(DEFAULT_EXECUTABLE);
    private ToolRunner runner = ToolRunner.defaults();
    private @Nullable Path includeDir;

    private Builder() {}

    /** Path of the parser binary. */
    public Builder executable(Path value) {
      this.executable = value;
      return this;
    }

    /** The runner (timeout, output limits). */
    public Builder runner(ToolRunner value) {
      this.runner = value;
      return this;
    }

    /** An include directory searched before {@code /etc/apparmor.d} ({@code -I}). */
    public Builder includeDir(@Nullable Path value) {
      this.includeDir = value;
      return this;
    }

    public AppArmorParser build() {
      return new AppArmorParser(this);
    }
  }
}
