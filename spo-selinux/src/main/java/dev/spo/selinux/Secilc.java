package dev.spo.selinux;

import dev.spo.core.tool.ToolExecutionException;
import dev.spo.core.tool.ToolResult;
import dev.spo.core.tool.ToolRunner;
import dev.spo.core.tool.ToolWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles CIL with the real {@code secilc} (Debian package {@code secilc}) to prove that
 * generated policies resolve against a base policy: {@code secilc -o /dev/null -f /dev/null
 * <base> <policies...>}, run in a fresh temporary directory where every policy is written as
 * {@code <name>.cil}, so {@code secilc}'s messages name {@code <name>.cil:<line>}. Never uses
 * {@code -m} (it would hide duplicate declarations). Immutable and thread-safe.
 */
public final class Secilc {
  /** Where Debian installs secilc. */
  public static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/secilc");

  private final Path executable;
  private final ToolRunner runner;
  private final @Nullable Boolean mls;

  private Secilc(Builder b) {
    this.executable = b.executable;
    this.runner = b.runner;
    this.mls = b.mls;
  }

  /** The Debian location with the default tool runner. */
  public static Secilc defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The secilc binary at its Debian location, when it is installed. */
  public static Optional<Path> locate() {
    return Optional.ofNullable(ToolRunner.findExecutable(List.of(DEFAULT_EXECUTABLE, Path.of("/usr/sbin/secilc"))));
  }

  /**
   * Compiles the base policy together with the given policies; pass {@link CilPolicy#closure()}
   * for a profile that inherits others.
   *
   * @return the finished run (exit status 0)
   * @throws ToolExecutionException when secilc rejects the input (with its stderr), cannot be
   *     started or times out
   */
  public ToolResult compile(Path basePolicy, List<CilPolicy> policies) {
    try (ToolWorkspace workspace = ToolWorkspace.create("secilc")) {
      List<String> files = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (CilPolicy p : policies) {
        if (!seen.add(p.fileName())) {
          throw new IllegalArgumentException("two policies named " + p.name());
        }
        workspace.write(p.fileName(), p.cil());
        files.add(p.fileName());
      }
      return run(basePolicy.toAbsolutePath().toString(), files, workspace.dir());
    }
  }

  /**
   * Compiles CIL files as they are (names in messages are as given).
   *
   * @throws ToolExecutionException when secilc rejects them
   */
  public ToolResult compileFiles(List<Path> files, @Nullable Path workingDirectory) {
    List<String> names = files.stream().map(Path::toString).toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no files");
    }
    return run(names.get(0), names.subList(1, names.size()), workingDirectory);
  }

  private ToolResult run(String first, List<String> rest, @Nullable Path dir) {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    if (mls != null) {
      argv.add("-M");
      argv.add(mls.toString());
    }
    argv.addAll(List.of("-o", "/dev/null", "-f", "/dev/null", first));
    argv.addAll(rest);
    return runner.runChecked(argv, dir, "secilc rejected the policy");
  }

  /** Builder of {@link Secilc}. */
  public static final class Builder {
    private Path executable = DEFAULT_EXECUTABLE;
    private ToolRunner runner = ToolRunner.defaults();
    private @Nullable Boolean mls;

    private Builder() {}

    /** Path of the secilc binary. Default {@code /usr/bin/secilc}. */
    public Builder executable(Path value) {
      this.executable = value;
      return this;
    }

    /** The runner (timeout, output limits). */
    public Builder runner(ToolRunner value) {
      this.runner = value;
      return this;
    }

    /** Passes {@code -M true|false} (override the policy's {@code mls}); null leaves it out. */
    public Builder mls(@Nullable Boolean value) {
      this.mls = value;
      return this;
    }

    public Secilc build() {
      return new Secilc(this);
    }
  }
}
