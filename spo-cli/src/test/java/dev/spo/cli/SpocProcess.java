package dev.spo.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code spoc.jar} as a process, the way users run it. */
final class SpocProcess {
  static final Path JAR = Path.of(System.getProperty("spoc.jar", "target/spoc.jar")).toAbsolutePath();
  static final Path REPO = Path.of(System.getProperty("spoc.repo", "..")).toAbsolutePath().normalize();

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Map<String, String> env = new HashMap<>();
  private Path cwd = REPO;
  private String stdin = "";

  static SpocProcess spoc() {
    return new SpocProcess();
  }

  SpocProcess env(String key, String value) {
    env.put(key, value);
    return this;
  }

  SpocProcess in(Path dir) {
    cwd = dir;
    return this;
  }

  SpocProcess stdin(String text) {
    stdin = text;
    return this;
  }

  /** A test resource file. */
  static Path resource(String name) {
    try {
      return Path.of(SpocProcess.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }

  Result run(Object... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the ITs through 'mvn verify' (package builds it)");
    }
    List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    for (Object a : args) {
      cmd.add(a.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    // Hermetic: no credentials or registry configuration from the environment running the tests.
    pb.environment().keySet().removeIf(k -> k.startsWith("SPOC_") || k.equals("USERNAME") || k.equals("PASSWORD")
        || k.equals("SIGSTORE_ID_TOKEN") || k.equals("SOURCE_DATE_EPOCH"));
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("spoc did not finish in 120 s: " + cmd);
      }
      return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
