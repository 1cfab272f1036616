package dev.spo.oci;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running a real CNCF Distribution registry ({@code /usr/bin/docker-registry}
 * from Debian) on a free loopback port with storage in a temporary directory, one per test
 * class. Modes: anonymous plain HTTP, htpasswd basic auth over plain HTTP, and TLS with a CA the
 * extension generates (with {@code openssl}). The access log is kept so tests can count requests.
 */
public final class LocalRegistry implements BeforeAllCallback, AfterAllCallback {
  enum Mode {
    ANONYMOUS,
    HTPASSWD,
    TLS
  }

  public static final String USER = "alice";
  /** Has colons on purpose: only the first colon separates user and password. */
  public static final String PASSWORD = "s3cret:with:colons";
  // bcrypt (cost 4) of PASSWORD; Distribution's htpasswd accepts only bcrypt.
  private static final String PASSWORD_BCRYPT = "$2a$04$j.Mae.1EHrFCF7rYT9EpGeOxdNNPFdduQWeDfchFQJA1Qyg5N2v4W";

  private final Mode mode;
  private Path work;
  private Process process;
  private int port;
  private Path log;
  private Path caCert;

  private LocalRegistry(Mode mode) {
    this.mode = mode;
  }

  public static LocalRegistry anonymous() {
    return new LocalRegistry(Mode.ANONYMOUS);
  }

  public static LocalRegistry htpasswd() {
    return new LocalRegistry(Mode.HTPASSWD);
  }

  public static LocalRegistry tls() {
    return new LocalRegistry(Mode.TLS);
  }

  /** {@code 127.0.0.1:<port>}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** The generated CA certificate (TLS mode). */
  public Path caCertificate() {
    return caCert;
  }

  public Path storage() {
    return work.resolve("storage");
  }

  /** A client for this registry: plain HTTP unless TLS, trusting the CA in TLS mode. */
  public RegistryClient.Builder clientBuilder() {
    RegistryClient.Builder b = RegistryClient.builder().requestTimeout(Duration.ofSeconds(20));
    if (mode == Mode.TLS) {
      b.caCertificates(caCert);
    } else {
      b.plainHttp(host());
    }
    return b;
  }

  /** Access-log lines recorded so far that contain {@code fragment}. */
  public long countRequests(String fragment) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains("\"" + fragment)).count();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    work = Files.createTempDirectory("spo-registry-");
    port = freePort();
    log = work.resolve("registry.log");
    StringBuilder config = new StringBuilder();
    config.append("version: 0.1\n");
    config.append("log:\n  level: info\n  formatter: text\n");
    config.append("storage:\n  filesystem:\n    rootdirectory: ").append(storage()).append('\n');
    config.append("  delete:\n    enabled: true\n");
    config.append("http:\n  addr: ").append(host()).append("\n  secret: spo-java-test\n");
    if (mode == Mode.TLS) {
      generateTls();
      config.append("  tls:\n    certificate: ").append(work.resolve("server.crt")).append('\n');
      config.append("    key: ").append(work.resolve("server.key")).append('\n');
    }
    if (mode == Mode.HTPASSWD) {
      Path htpasswd = work.resolve("htpasswd");
      Files.writeString(htpasswd, USER + ":" + PASSWORD_BCRYPT + "\n");
      config.append("auth:\n  htpasswd:\n    realm: spo-test\n    path: ").append(htpasswd).append('\n');
    }
    Path configFile = work.resolve("config.yml");
    Files.writeString(configFile, config.toString());
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/docker-registry", "serve", configFile.toString());
    // Distribution treats every REGISTRY_* variable as a configuration override; do not let the
    // environment (e.g. REGISTRY_AUTH_FILE meant for other clients) reconfigure the test registry.
    pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    process = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    awaitReady();
  }

  private void awaitReady() throws Exception {
    HttpClient.Builder cb = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
    if (mode == Mode.TLS) {
      cb.sslContext(trusting(caCert));
    }
    HttpClient client = cb.build();
    URI uri = URI.create((mode == Mode.TLS ? "https://" : "http://") + host() + "/v2/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 || r.statusCode() == 401) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("registry did not answer GET /v2/ within 20 s:\n" + Files.readString(log), last);
  }

  public static SSLContext trusting(Path pem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (var in = Files.newInputStream(pem)) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("c" + i++, c);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private void generateTls() throws Exception {
    caCert = work.resolve("ca.crt");
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", work.resolve("ca.key").toString(), "-out", caCert.toString(), "-days", "2", "-subj", "/CN=spo-test-ca",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", work.resolve("server.key").toString(), "-out", work.resolve("server.csr").toString(), "-subj", "/CN=127.0.0.1");
    Path ext = work.resolve("san.ext");
    Files.writeString(ext, "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    run("openssl", "x509", "-req", "-in", work.resolve("server.csr").toString(), "-CA", caCert.toString(),
        "-CAkey", work.resolve("ca.key").toString(), "-CAcreateserial", "-out", work.resolve("server.crt").toString(),
        "-days", "2", "-extfile", ext.toString());
  }

  /** Generates a second, unrelated CA certificate (for "wrong CA" tests). */
  public Path otherCa() throws Exception {
    Path other = work.resolve("other-ca.crt");
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", work.resolve("other-ca.key").toString(), "-out", other.toString(), "-days", "2", "-subj", "/CN=other-ca");
    return other;
  }

  static String run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", argv));
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " exited " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    if (work != null) {
      List<Path> paths = new ArrayList<>();
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(paths::add);
      }
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void stop() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
