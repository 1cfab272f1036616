package dev.spo.testing.junit;

import dev.spo.oci.Credentials;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.RegistryClient;
import dev.spo.oci.SignaturePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A real CNCF Distribution registry (Debian's {@code /usr/bin/docker-registry}, package
 * {@code docker-registry}) serving plain HTTP (or HTTPS, {@link Builder#tls()}) on a free
 * 127.0.0.1 port, with its storage in a temporary directory that {@link #close()} deletes. Use it through {@link LocalRegistryExtension}
 * in JUnit 5 tests, or directly:
 *
 * <pre>{@code
 * try (LocalRegistry registry = LocalRegistry.builder().start()) {
 *   registry.ociProfiles().push(registry.reference("profiles/app:v1"), PushRequest.of(profile));
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns once {@code GET /v2/} answers. The registry's own output (including
 * its access log) goes to {@link #logFile()}. Optionally the registry requires HTTP Basic
 * authentication ({@link Builder#basicAuth()}) with {@link #USERNAME} / {@link #PASSWORD}, and
 * serves HTTPS with a certificate for {@code 127.0.0.1} from a CA generated per registry
 * ({@link Builder#tls()}, needs {@code openssl}).
 */
public final class LocalRegistry implements AutoCloseable {
  /** Where Debian installs the registry. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/bin/docker-registry");
  /** User name accepted in {@link Builder#basicAuth()} mode. */
  public static final String USERNAME = "alice";
  /** Password accepted in {@link Builder#basicAuth()} mode; it has colons on purpose (only the first separates user and password). */
  public static final String PASSWORD = "s3cret:with:colons";
  // bcrypt (cost 4) of PASSWORD, the same pair spo-oci's tests use: Distribution's htpasswd
  // accepts only bcrypt, and the JDK has no bcrypt to compute it at run time.
  private static final String PASSWORD_BCRYPT = "$2a$04$j.Mae.1EHrFCF7rYT9EpGeOxdNNPFdduQWeDfchFQJA1Qyg5N2v4W";

  private final Builder settings;
  private final Path work;
  private final int port;
  private final Process process;
  private final Thread shutdownHook;
  private @Nullable RegistryClient client;
  private @Nullable OciProfiles oci;
  private boolean closed;

  private LocalRegistry(Builder settings, Path work, int port, Process process, Thread shutdownHook) {
    this.settings = settings;
    this.work = work;
    this.port = port;
    this.process = process;
    this.shutdownHook = shutdownHook;
  }

  /** Settings for a new registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:<port>}, the registry part of references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** The port the registry listens on. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}, or {@code https://…} in {@link Builder#tls()} mode. */
  public URI baseUri() {
    return URI.create((settings.tls ? "https://" : "http://") + host());
  }

  /** Whether the registry serves HTTPS ({@link Builder#tls()}). */
  public boolean usesTls() {
    return settings.tls;
  }

  /**
   * The PEM certificate of the CA that signed the registry's certificate ({@link Builder#tls()}
   * mode), for clients' CA options such as {@code RegistryClient.Builder#caCertificates}.
   *
   * @throws IllegalStateException when the registry serves plain HTTP
   */
  public Path caCertificate() {
    if (!settings.tls) {
      throw new IllegalStateException("the local registry at " + host() + " serves plain HTTP; start it with tls()");
    }
    return work.resolve("ca.crt");
  }

  /** A reference into this registry: {@code reference("profiles/app:v1")} is {@code 127.0.0.1:<port>/profiles/app:v1}. */
  public String reference(String repositoryAndTagOrDigest) {
    Objects.requireNonNull(repositoryAndTagOrDigest, "repositoryAndTagOrDigest");
    return host() + "/" + repositoryAndTagOrDigest;
  }

  /** Whether the registry requires HTTP Basic authentication ({@link #USERNAME} / {@link #PASSWORD}). */
  public boolean requiresAuthentication() {
    return settings.basicAuth;
  }

  /** The registry's storage directory (CNCF Distribution filesystem layout). */
  public Path storage() {
    return work.resolve("storage");
  }

  /** The file that receives the registry's output, including its access log. */
  public Path logFile() {
    return work.resolve("registry.log");
  }

  /**
   * Access-log lines so far whose request line starts with {@code fragment}, e.g.
   * {@code countRequests("GET /v2/profiles/app/manifests/")} (for cache tests).
   */
  public long countRequests(String fragment) {
    try (Stream<String> lines = Files.lines(logFile(), StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains("\"" + fragment)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new client builder set up for this registry: plain HTTP to {@link #host()} (or trusting
   * {@link #caCertificate()} in TLS mode), credentials in {@link Builder#basicAuth()} mode, 20 s
   * request timeout. For clients the test wants to own.
   */
  public RegistryClient.Builder clientBuilder() {
    RegistryClient.Builder b = RegistryClient.builder().requestTimeout(Duration.ofSeconds(20));
    if (settings.tls) {
      b.caCertificates(caCertificate());
    } else {
      b.plainHttp(host());
    }
    if (settings.basicAuth) {
      b.credentials(host(), Credentials.basic(USERNAME, PASSWORD));
    }
    return b;
  }

  /** A client for this registry ({@link #clientBuilder()}), shared and closed with the registry. */
  public synchronized RegistryClient registryClient() {
    checkOpen();
    if (client == null) {
      client = clientBuilder().build();
    }
    return client;
  }

  /**
   * Profiles over {@link #registryClient()} with the builder's signature policy (by default
   * {@link SignaturePolicy#insecureSkipVerification()}), shared and closed with the registry.
   */
  public synchronized OciProfiles ociProfiles() {
    checkOpen();
    if (oci == null) {
      oci = OciProfiles.builder().registryClient(registryClient()).signaturePolicy(settings.signaturePolicy).build();
    }
    return oci;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the local registry at " + host() + " was closed");
    }
  }

  /** Stops the registry, closes the shared clients and deletes the storage. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (oci != null) {
      oci.close();
    }
    if (client != null) {
      client.close();
    }
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running or has run: nothing to undo.
    }
    deleteTree(work);
  }

  @Override
  public String toString() {
    return "LocalRegistry[" + baseUri() + (settings.basicAuth ? ", basic auth" : "") + "]";
  }

  private static void stop(Process p) {
    if (!p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path root) {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(paths::add);
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the local registry's directory " + root, e);
    }
  }

  /** Settings of a {@link LocalRegistry}. */
  public static final class Builder {
    private Path binary = DEFAULT_BINARY;
    private boolean basicAuth;
    private boolean tls;
    private SignaturePolicy signaturePolicy = SignaturePolicy.insecureSkipVerification();
    private Duration startupTimeout = Duration.ofSeconds(20);

    private Builder() {}

    /** The registry executable (CNCF Distribution's {@code registry serve CONFIG}); default {@link #DEFAULT_BINARY}. */
    public Builder binary(Path value) {
      this.binary = Objects.requireNonNull(value, "binary");
      return this;
    }

    /** Require HTTP Basic authentication with {@link #USERNAME} / {@link #PASSWORD}. */
    public Builder basicAuth() {
      this.basicAuth = true;
      return this;
    }

    /**
     * Serve HTTPS with a certificate for {@code 127.0.0.1} (IP SAN) signed by a CA generated for
     * this registry with {@code openssl}; see {@link LocalRegistry#caCertificate()}.
     */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /** Signature policy of {@link LocalRegistry#ociProfiles()}; default: verification skipped. */
    public Builder signaturePolicy(SignaturePolicy value) {
      this.signaturePolicy = Objects.requireNonNull(value, "signaturePolicy");
      return this;
    }

    /** How long to wait for {@code GET /v2/} to answer; default 20 s. */
    public Builder startupTimeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive, got " + value);
      }
      this.startupTimeout = value;
      return this;
    }

    /**
     * Starts a registry with these settings and waits until it answers.
     *
     * @throws LocalRegistryException when the binary is missing, the registry exits, or it does
     *     not answer within the startup timeout
     */
    public LocalRegistry start() {
      if (!Files.isExecutable(binary)) {
        throw new LocalRegistryException("the local OCI registry needs CNCF Distribution at " + binary
            + ", which is missing or not executable: install it with `apt-get install docker-registry` "
            + "(Debian/Ubuntu), or set LocalRegistry.builder().binary(...) to a `registry` binary");
      }
      Builder copy = copy();
      Path work;
      try {
        work = Files.createTempDirectory("spo-registry-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int port;
      Path config;
      try {
        port = freePort();
        config = writeConfig(work, port);
      } catch (IOException | RuntimeException e) {
        deleteTree(work);
        if (e instanceof LocalRegistryException l) {
          throw l;
        }
        throw new LocalRegistryException("could not prepare the local registry in " + work + ": " + e.getMessage(), e);
      }
      ProcessBuilder pb = new ProcessBuilder(binary.toString(), "serve", config.toString());
      // Distribution treats every REGISTRY_* variable as a configuration override; the test
      // environment (e.g. REGISTRY_AUTH_FILE meant for other clients) must not reconfigure it.
      pb.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
      pb.redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile());
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        deleteTree(work);
        throw new LocalRegistryException("could not start " + binary + ": " + e.getMessage(), e);
      }
      // A JVM killed between start and close must not leave a registry process behind.
      Thread hook = new Thread(() -> stop(process), "spo-local-registry-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      LocalRegistry registry = new LocalRegistry(copy, work, port, process, hook);
      try {
        awaitReady(registry);
      } catch (RuntimeException e) {
        registry.close();
        throw e;
      }
      return registry;
    }

    private Builder copy() {
      Builder b = new Builder();
      b.binary = binary;
      b.basicAuth = basicAuth;
      b.tls = tls;
      b.signaturePolicy = signaturePolicy;
      b.startupTimeout = startupTimeout;
      return b;
    }

    private Path writeConfig(Path work, int port) throws IOException {
      StringBuilder c = new StringBuilder();
      c.append("version: 0.1\n");
      c.append("log:\n  level: info\n  formatter: text\n");
      c.append("storage:\n  filesystem:\n    rootdirectory: ").append(work.resolve("storage")).append('\n');
      c.append("  delete:\n    enabled: true\n");
      c.append("http:\n  addr: 127.0.0.1:").append(port).append("\n  secret: spo-java-test\n");
      if (tls) {
        generateTls(work);
        c.append("  tls:\n    certificate: ").append(work.resolve("server.crt")).append('\n');
        c.append("    key: ").append(work.resolve("server.key")).append('\n');
      }
      if (basicAuth) {
        Path htpasswd = work.resolve("htpasswd");
        Files.writeString(htpasswd, USERNAME + ":" + PASSWORD_BCRYPT + "\n");
        c.append("auth:\n  htpasswd:\n    realm: spo-test\n    path: ").append(htpasswd).append('\n');
      }
      Path config = work.resolve("config.yml");
      Files.writeString(config, c.toString());
      return config;
    }

    private static void generateTls(Path work) throws IOException {
      Path ca = work.resolve("ca.crt");
      Path caKey = work.resolve("ca.key");
      Path csr = work.resolve("server.csr");
      Path ext = work.resolve("san.ext");
      openssl(work, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", caKey.toString(), "-out", ca.toString(), "-days", "2", "-subj", "/CN=spo-testing local registry CA",
          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
      openssl(work, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", work.resolve("server.key").toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1");
      // Clients match the IP SAN, not the CN; serverAuth keeps strict TLS stacks happy.
      Files.writeString(ext, "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
      openssl(work, "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
          "-CAcreateserial", "-out", work.resolve("server.crt").toString(), "-days", "2", "-extfile", ext.toString());
    }

    private static void openssl(Path work, String... args) throws IOException {
      List<String> argv = new ArrayList<>();
      argv.add("openssl");
      argv.addAll(List.of(args));
      Process p;
      try {
        p = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new LocalRegistryException("TLS mode of the local registry needs the openssl command: " + e.getMessage(), e);
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new LocalRegistryException("timed out: " + String.join(" ", argv));
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new LocalRegistryException("interrupted: " + String.join(" ", argv), e);
      }
      if (p.exitValue() != 0) {
        throw new LocalRegistryException(String.join(" ", argv) + " exited with " + p.exitValue() + ":\n" + out);
      }
    }

    private void awaitReady(LocalRegistry registry) {
      HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
      if (tls) {
        hb.sslContext(trusting(registry.caCertificate()));
      }
      HttpClient http = hb.build();
      URI uri = registry.baseUri().resolve("/v2/");
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      Exception last = null;
      while (System.nanoTime() < deadline) {
        if (!registry.process.isAlive()) {
          throw new LocalRegistryException(binary + " exited with " + registry.process.exitValue() + ":\n" + log(registry));
        }
        try {
          HttpResponse<Void> r = http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
          // 401 is the ready answer of a registry that requires authentication.
          if (r.statusCode() == 200 || r.statusCode() == 401) {
            return;
          }
        } catch (IOException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LocalRegistryException("interrupted while waiting for the local registry", e);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LocalRegistryException("interrupted while waiting for the local registry", e);
        }
      }
      String message = "the local registry did not answer GET " + uri + " within " + startupTimeout + ":\n" + log(registry);
      throw last == null ? new LocalRegistryException(message) : new LocalRegistryException(message, last);
    }

    private static SSLContext trusting(Path pem) {
      try (InputStream in = Files.newInputStream(pem)) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
      } catch (IOException | GeneralSecurityException e) {
        throw new LocalRegistryException("could not load the generated CA certificate " + pem + ": " + e.getMessage(), e);
      }
    }

    private static String log(LocalRegistry registry) {
      try {
        return Files.readString(registry.logFile());
      } catch (IOException e) {
        return "(log unreadable: " + e.getMessage() + ")";
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      }
    }
  }
}
