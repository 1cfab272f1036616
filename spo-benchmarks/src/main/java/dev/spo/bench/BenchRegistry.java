package dev.spo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's CNCF Distribution registry on a free loopback port, for the pull benchmarks. */
final class BenchRegistry implements AutoCloseable {
  private final Process process;
  private final String host;

  private BenchRegistry(Process process, String host) {
    this.process = process;
    this.host = host;
  }

  /** Starts {@code /usr/bin/docker-registry} with its storage and log below {@code work}. */
  static BenchRegistry start(Path work) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String host = "127.0.0.1:" + port;
    Path config = work.resolve("registry.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "version: 0.1",
            "log:",
            "  level: error",
            "  accesslog:",
            "    disabled: true",
            "storage:",
            "  filesystem:",
            "    rootdirectory: " + work.resolve("storage"),
            "http:",
            "  addr: " + host,
            ""));
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString());
    // The registry reads REGISTRY_* variables as configuration overrides.
    pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
    Path log = work.resolve("registry.log");
    Process process = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new BenchRegistry(process, host);
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IllegalStateException("docker-registry exited: " + Files.readString(log), e);
        }
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new IllegalStateException("docker-registry did not start within 20 s");
  }

  /** {@code 127.0.0.1:<port>}. */
  String host() {
    return host;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
