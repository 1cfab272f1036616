package dev.spo.core.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an external program with a timeout, no standard input, and standard output and error
 * captured up to a byte limit each (the rest is drained and dropped, so a chatty tool can neither
 * block nor exhaust memory). Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * ToolResult r = ToolRunner.defaults().run(List.of("/usr/bin/secilc", "-o", "/dev/null", "a.cil"), dir);
 * }</pre>
 */
public final class ToolRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
  private static final ToolRunner DEFAULTS = builder().build();

  private final Duration timeout;
  private final int maxOutputBytes;
  private final Map<String, String> environment;

  private ToolRunner(Builder b) {
    this.timeout = b.timeout;
    this.maxOutputBytes = b.maxOutputBytes;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
  }

  /** A runner with a 60 s timeout, 1 MiB capture per stream and {@code LC_ALL=C}. */
  public static ToolRunner defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The timeout of one run. */
  public Duration timeout() {
    return timeout;
  }

  /** The most bytes kept of each of stdout and stderr. */
  public int maxOutputBytes() {
    return maxOutputBytes;
  }

  /** Variables set in the child's environment on top of the inherited one. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * The first of {@code candidates} that is an executable regular file, or null. For tools that
   * live outside a normal user's {@code PATH} (e.g. {@code /usr/sbin/apparmor_parser}).
   */
  public static @Nullable Path findExecutable(List<Path> candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Runs the program and waits for it. A non-zero exit status is returned, not thrown; see
   * {@link #runChecked(List, Path, String)}.
   *
   * @param argv program and arguments
   * @param workingDirectory directory to run in, or null for the current one
   * @throws ToolExecutionException when the program cannot be started, times out, or the wait is
   *     interrupted
   */
  public ToolResult run(List<String> argv, @Nullable Path workingDirectory) {
    List<String> command = List.copyOf(argv);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("argv must name a program");
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    if (workingDirectory != null) {
      pb.directory(workingDirectory.toFile());
    }
    pb.environment().putAll(environment);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long start = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ToolExecutionException(
          ToolExecutionException.Reason.NOT_STARTED, command, null, "", "cannot start " + command.get(0), e);
    }
    Capture out = new Capture(process.getInputStream(), maxOutputBytes);
    Capture err = new Capture(process.getErrorStream(), maxOutputBytes);
    Thread outThread = startDaemon(out, "tool-stdout");
    Thread errThread = startDaemon(err, "tool-stderr");
    try {
      boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (!finished) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        outThread.join(1000);
        errThread.join(1000);
        throw new ToolExecutionException(
            ToolExecutionException.Reason.TIMED_OUT,
            command,
            null,
            err.text(),
            command.get(0) + " did not finish within " + timeout);
      }
      outThread.join();
      errThread.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ToolExecutionException(
          ToolExecutionException.Reason.INTERRUPTED, command, null, err.text(), "interrupted while running " + command.get(0), e);
    }
    if (out.failure != null || err.failure != null) {
      IOException failure = out.failure != null ? out.failure : err.failure;
      throw new ToolExecutionException(
          ToolExecutionException.Reason.IO, command, null, "", "cannot read the output of " + command.get(0),
          Objects.requireNonNull(failure));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    ToolResult result =
        new ToolResult(command, process.exitValue(), out.text(), err.text(), out.truncated || err.truncated, took);
    LOG.debug("{} exited with {} after {} ms", command.get(0), result.exitCode(), took.toMillis());
    return result;
  }

  /**
   * Runs the program and fails unless it exits with status 0.
   *
   * @param description what the run does, for the exception message (e.g. {@code "secilc rejected
   *     the policy"})
   * @throws ToolExecutionException on any failure, carrying argv, exit status and stderr
   */
  public ToolResult runChecked(List<String> argv, @Nullable Path workingDirectory, String description) {
    ToolResult result = run(argv, workingDirectory);
    if (!result.succeeded()) {
      throw ToolExecutionException.failed(result, result.stderr(), description);
    }
    return result;
  }

  private static Thread startDaemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static final class Capture implements Runnable {
    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile boolean truncated;
    private volatile @Nullable IOException failure;

    Capture(InputStream in, int limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (InputStream stream = in) {
        int n;
        while ((n = stream.read(chunk)) >= 0) {
          synchronized (buffer) {
            int room = limit - buffer.size();
            if (room > 0) {
              buffer.write(chunk, 0, Math.min(room, n));
            }
            if (n > room) {
              truncated = true;
            }
          }
        }
      } catch (IOException e) {
        failure = e;
      }
    }

    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /** Builder of a {@link ToolRunner}. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(60);
    private int maxOutputBytes = 1 << 20;
    private final Map<String, String> environment = new LinkedHashMap<>(Map.of("LC_ALL", "C"));

    private Builder() {}

    /**
     * Sets an environment variable of the child. Default: {@code LC_ALL=C}, so tools print
     * untranslated, stable messages.
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Maximum run time; the process is killed after it. Default 60 s. */
    public Builder timeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = value;
      return this;
    }

    /** Bytes kept of each of stdout and stderr. Default 1 MiB. */
    public Builder maxOutputBytes(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxOutputBytes must not be negative");
      }
      this.maxOutputBytes = value;
      return this;
    }

    public ToolRunner build() {
      return new ToolRunner(this);
    }
  }
}
