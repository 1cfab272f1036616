package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.SignatureException;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.TrustedRoot;
import dev.spo.oci.sign.TufSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrustedRoot#fromTuf(TufSource)} against real TUF repositories written by {@code
 * src/test/node/tuf-repo.js} ({@code @tufjs/models}, independent of sigstore-java's client) and
 * served over HTTP on loopback: the test PKI's {@code trusted_root.json} obtained through TUF
 * verifies a keyless signature; a tampered target, an expired timestamp, a closed port and a
 * mirror that never answers are refused with {@link SignatureException}.
 */
@EnabledOnOs(OS.LINUX)
class TufTrustedRootIT {
  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
  private static final String SAN = "ci@example.test";
  private static final String ISSUER = "https://oidc.example.test";
  private static final String SIGNING_CONFIG =
      """
      {"mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json",
       "caUrls": [], "oidcUrls": [], "rekorTlogUrls": [], "tsaUrls": [],
       "rekorTlogConfig": {"selector": "ANY"}, "tsaConfig": {"selector": "ANY"}}
      """;

  @TempDir static Path work;
  private static final TestSigstore PKI = new TestSigstore();
  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void setUp() throws Exception {
    assertThat(NODE_DIR.resolve("node_modules/@tufjs/models"))
        .as("@tufjs/models is not installed: run `npm ci --prefix spo-oci/src/test/node` (scripts/test does)")
        .isDirectory();
    Path trustedRoot = Files.write(work.resolve("trusted_root.json"), PKI.trustedRootJson());
    Path signingConfig = Files.writeString(work.resolve("signing_config.json"), SIGNING_CONFIG);
    Path served = Files.createDirectories(work.resolve("served"));
    String[] targets = {"trusted_root.json=" + trustedRoot, "signing_config.v0.2.json=" + signingConfig};
    tufRepo(served.resolve("good"), "2099-01-01T00:00:00Z", targets);
    tufRepo(served.resolve("expired"), "2020-01-01T00:00:00Z", targets);
    tufRepo(served.resolve("tampered"), "2099-01-01T00:00:00Z", targets);
    // Same length, other content: only the hash can tell.
    try (Stream<Path> files = Files.list(served.resolve("tampered/targets"))) {
      Path target = files.filter(p -> p.getFileName().toString().endsWith(".trusted_root.json")).findFirst().orElseThrow();
      byte[] bytes = Files.readAllBytes(target);
      String text = new String(bytes, StandardCharsets.UTF_8).replace("test-fulcio", "evil-fulcio");
      assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(bytes).isNotEqualTo(bytes);
      Files.writeString(target, text);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> serve(served, exchange));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterAll
  static void tearDown() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A static file server: the mirror is just files; 404 for anything else. */
  private static void serve(Path root, HttpExchange exchange) throws IOException {
    try (exchange) {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void tufRepo(Path dir, String timestampExpires, String... targets) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("node", "tuf-repo.js", dir.toString(), timestampExpires));
    cmd.addAll(List.of(targets));
    Path log = Files.createTempFile(work, "tuf-repo", ".log");
    Process p = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tuf-repo.js timed out");
    }
    assertThat(p.exitValue()).as("tuf-repo.js failed: %s", Files.readString(log)).isZero();
  }

  private static TufSource mirror(String name) throws IOException {
    return TufSource.mirror(
        URI.create(base + name + "/"),
        work.resolve("served").resolve(name).resolve("1.root.json"),
        Files.createTempDirectory(work, "cache-" + name));
  }

  @Test
  void trustedRootFromTufVerifiesAKeylessSignature(@TempDir Path layout) throws IOException {
    TufSource source = mirror("good");
    TrustedRoot root = TrustedRoot.fromTuf(source);
    // The parsed bytes are the verified target the client stored, identical to what was published.
    assertThat(source.cacheDir().resolve("targets/trusted_root.json")).hasBinaryContent(PKI.trustedRootJson());

    String ref = "oci-layout:" + layout + ":v1";
    try (OciProfiles oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      PushResult pushed = oci.push(ref, PushRequest.of(TestProfiles.seccomp("p", "read")));
      PKI.signer(SAN, ISSUER).sign(oci.repository(ref), pushed.digest(), SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG));
    }
    CosignVerifier verifier = CosignVerifier.builder().trustedRoot(root).identity(Identity.exact(SAN, ISSUER)).build();
    try (OciProfiles verifying = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(verifier)).build()) {
      VerificationResult r = verifying.pull(ref).verification();
      assertThat(r.signer()).isEqualTo(SAN);
      assertThat(r.issuer()).isEqualTo(ISSUER);
    }

    // A second update against the same cache (TUF state already there) gives the same root.
    assertThat(TrustedRoot.fromTuf(source).toString()).isEqualTo(root.toString());
  }

  @Test
  void tamperedTargetIsRefused() throws IOException {
    TufSource source = mirror("tampered");
    assertThatThrownBy(() -> TrustedRoot.fromTuf(source))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("TUF mirror " + base + "tampered/")
        .hasMessageContaining("hash");
    assertThat(source.cacheDir().resolve("targets/trusted_root.json")).doesNotExist();
  }

  @Test
  void expiredTimestampIsRefused() throws IOException {
    assertThatThrownBy(() -> TrustedRoot.fromTuf(mirror("expired")))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("TUF mirror " + base + "expired/")
        .hasMessageContaining("expired")
        .hasMessageContaining("2020");
  }

  @Test
  void unreachableMirrorIsRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    TufSource source =
        TufSource.mirror(
            URI.create("http://127.0.0.1:" + port + "/"),
            work.resolve("served/good/1.root.json"),
            Files.createTempDirectory(work, "cache-closed"));
    assertThatThrownBy(() -> TrustedRoot.fromTuf(source))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("TUF mirror http://127.0.0.1:" + port + "/");
  }

  @Test
  void mirrorThatNeverAnswersTimesOut() throws Exception {
    // Accepts connections and reads nothing: only our own deadline ends the update.
    ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (!silent.isClosed()) {
                  accepted.add(silent.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    try {
      TufSource source =
          TufSource.mirror(
                  URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                  work.resolve("served/good/1.root.json"),
                  Files.createTempDirectory(work, "cache-silent"))
              .withTimeout(Duration.ofSeconds(1));
      long start = System.nanoTime();
      assertThatThrownBy(() -> TrustedRoot.fromTuf(source))
          .isInstanceOf(SignatureException.class)
          .hasMessageContaining("did not finish within PT1S");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    } finally {
      silent.close();
      acceptor.join(5000);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void missingInitialRootIsRefused() {
    TufSource source = TufSource.mirror(URI.create(base + "good/"), work.resolve("nope.json"), work.resolve("cache-none"));
    assertThatThrownBy(() -> TrustedRoot.fromTuf(source))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("initial root")
        .hasMessageContaining("nope.json");
  }
}
