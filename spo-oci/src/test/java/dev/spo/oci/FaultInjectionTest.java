package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.internal.ArtifactPacker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real registry does not produce, from an in-process HTTP server: each must surface as a
 * typed {@link RegistryException} within the timeout, and leave nothing bad in the cache.
 */
class FaultInjectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final SeccompProfile PROFILE = TestProfiles.seccomp("fault", "read");

  enum Fault {
    NONE,
    STATUS_500,
    UNAUTHORIZED_LOOP,
    STALLED_BODY,
    TRUNCATED_BODY,
    WRONG_BLOB,
    WRONG_MANIFEST_DIGEST_HEADER,
    OVERSIZED_LENGTH,
    REDIRECT_LOOP,
    TOKEN_AUTH
  }

  private HttpServer server;
  private volatile Fault fault = Fault.NONE;
  private final AtomicInteger manifestGets = new AtomicInteger();
  private final AtomicInteger tokenGets = new AtomicInteger();
  private ArtifactPacker.Packed packed;
  private byte[] layer;
  private String layerDigest;
  private RegistryClient client;
  private OciProfiles oci;
  private String host;

  @BeforeEach
  void start() throws IOException {
    packed = new ArtifactPacker(ProfileCodec.defaults(), k -> null).pack(PushRequest.of(PROFILE), "fault");
    ArtifactPacker.Blob b = packed.blobs().get(1);
    layer = b.bytes();
    layerDigest = b.descriptor().digest();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-registry");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
    host = "127.0.0.1:" + server.getAddress().getPort();
    client = RegistryClient.builder().plainHttp(host).requestTimeout(TIMEOUT).connectTimeout(TIMEOUT).build();
    oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterEach
  void stop() {
    oci.close();
    client.close();
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    try (ex) {
      if (path.equals("/token")) {
        tokenGets.incrementAndGet();
        if (fault == Fault.TOKEN_AUTH) {
          String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
          if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
          }
          send(ex, 200, "{\"access_token\":\"good-token\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8), Map.of());
          return;
        }
        send(ex, 200, "{\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      if (fault == Fault.TOKEN_AUTH && !"Bearer good-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.getResponseHeaders()
            .add("WWW-Authenticate", "Bearer realm=\"http://" + host + "/token\", service=\"fake\", scope=\"repository:fault/p:pull\"");
        send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      if (fault == Fault.UNAUTHORIZED_LOOP) {
        if (path.contains("/manifests/")) {
          manifestGets.incrementAndGet();
        }
        ex.getResponseHeaders()
            .add("WWW-Authenticate", "Bearer realm=\"http://" + host + "/token\",service=\"fake\",scope=\"repository:fault/p:pull\"");
        send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      if (path.startsWith("/v2/fault/p/referrers/")) {
        // Ignores the artifactType filter, as registries may.
        String index =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "a".repeat(64)
                + "\",\"size\":10,\"artifactType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"},"
                + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "b".repeat(64)
                + "\",\"size\":10,\"artifactType\":\"application/spdx+json\"}]}";
        send(ex, 200, index.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", MediaTypes.OCI_INDEX));
        return;
      }
      if (path.startsWith("/v2/fault/p/manifests/")) {
        manifestGets.incrementAndGet();
        byte[] m = packed.manifest();
        switch (fault) {
          case STATUS_500 -> send(ex, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"boom\"}]}".getBytes(StandardCharsets.UTF_8), Map.of());
          case WRONG_MANIFEST_DIGEST_HEADER ->
              send(ex, 200, m, Map.of("Content-Type", MediaTypes.OCI_MANIFEST, "Docker-Content-Digest", "sha256:" + "1".repeat(64)));
          case STALLED_BODY -> {
            ex.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
            ex.sendResponseHeaders(200, m.length);
            ex.getResponseBody().write(m, 0, 10);
            ex.getResponseBody().flush();
            sleep(10_000);
          }
          default -> send(ex, 200, m, Map.of("Content-Type", MediaTypes.OCI_MANIFEST));
        }
        return;
      }
      if (path.equals("/v2/fault/p/blobs/" + layerDigest)) {
        switch (fault) {
          case TRUNCATED_BODY -> {
            ex.sendResponseHeaders(200, layer.length);
            ex.getResponseBody().write(layer, 0, layer.length / 2);
            ex.getResponseBody().flush();
            // Closing the exchange short of Content-Length drops the connection.
          }
          case WRONG_BLOB -> {
            byte[] evil = new String(layer, StandardCharsets.UTF_8).replace("read", "kill").getBytes(StandardCharsets.UTF_8);
            send(ex, 200, evil, Map.of());
          }
          case OVERSIZED_LENGTH -> {
            ex.sendResponseHeaders(200, 100L << 20);
            sleep(10_000);
          }
          case REDIRECT_LOOP -> {
            ex.getResponseHeaders().add("Location", path);
            ex.sendResponseHeaders(307, -1);
          }
          default -> send(ex, 200, layer, Map.of());
        }
        return;
      }
      send(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8), Map.of());
    } catch (IOException e) {
      // Expected when the client gives up on a stalled or oversized response.
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RegistryException pullFails(Fault f, RegistryException.Reason expected) {
    fault = f;
    long start = System.nanoTime();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> oci.pull(host + "/fault/p:v1"));
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(thrown).isInstanceOf(RegistryException.class);
    RegistryException e = (RegistryException) thrown;
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(expected);
    assertThat(elapsed).as("failed within the timeout").isLessThan(TIMEOUT.toMillis() * 3);
    // Nothing bad was cached: with the fault gone the same instance pulls the right profile.
    fault = Fault.NONE;
    oci.invalidate(host + "/fault/p:v1");
    assertThat(oci.pull(host + "/fault/p:v1").profile()).isEqualTo(PROFILE);
    oci.invalidateAll();
    return e;
  }

  @Test
  void bearerTokenFlowWithCredentialsAndPerClientTokenCache() {
    fault = Fault.TOKEN_AUTH;
    try (RegistryClient alice = RegistryClient.builder().plainHttp(host).credentials(host, Credentials.basic("alice", "pw")).build();
        OciProfiles aliceOci =
            OciProfiles.builder().registryClient(alice).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      assertThat(aliceOci.pull(host + "/fault/p:v1").profile()).isEqualTo(PROFILE);
      assertThat(aliceOci.pull(host + "/fault/p:v1").profile()).isEqualTo(PROFILE);
      // One token for the repository scope, reused for the blob and the second pull.
      assertThat(tokenGets.get()).isEqualTo(1);
    }
    // Another client (anonymous) must not ride on alice's token.
    assertThatThrownBy(() -> oci.pull(host + "/fault/p:v1"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED));
    try (RegistryClient token = RegistryClient.builder().plainHttp(host).credentials(host, Credentials.bearerToken("good-token")).build();
        OciProfiles tokenOci =
            OciProfiles.builder().registryClient(token).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      int before = tokenGets.get();
      assertThat(tokenOci.pull(host + "/fault/p:v1").profile()).isEqualTo(PROFILE);
      assertThat(tokenGets.get()).isEqualTo(before);
    }
  }

  @Test
  void referrersApiResultsAreFilteredClientSide() {
    var t = new dev.spo.oci.internal.RegistryTransport(client.http(), OciReference.parse(host + "/fault/p:v1"));
    assertThat(t.referrers(packed.manifestDigest(), "application/vnd.dev.sigstore.bundle.v0.3+json", 1000, 1 << 20))
        .extracting(Descriptor::digest)
        .containsExactly("sha256:" + "a".repeat(64));
    assertThat(t.referrers(packed.manifestDigest(), null, 1000, 1 << 20)).hasSize(2);
  }

  @Test
  void serverErrorCarriesStatusAndBody() {
    RegistryException e = pullFails(Fault.STATUS_500, RegistryException.Reason.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.errorBody()).contains("boom");
    assertThat(e.reference()).isEqualTo(host + "/fault/p:v1");
  }

  @Test
  void unauthorizedLoopStopsAfterOneTokenRetry() {
    RegistryException e = pullFails(Fault.UNAUTHORIZED_LOOP, RegistryException.Reason.UNAUTHORIZED);
    assertThat(e.status()).isEqualTo(401);
    assertThat(tokenGets.get()).isEqualTo(1);
  }

  @Test
  void stalledBodyTimesOut() {
    pullFails(Fault.STALLED_BODY, RegistryException.Reason.TIMEOUT);
  }

  @Test
  void truncatedBodyIsAnError() {
    fault = Fault.TRUNCATED_BODY;
    assertThatThrownBy(() -> oci.pull(host + "/fault/p:v1"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.reason()).isIn(RegistryException.Reason.IO, RegistryException.Reason.DIGEST_MISMATCH));
    fault = Fault.NONE;
    assertThat(oci.pull(host + "/fault/p:v1").profile()).isEqualTo(PROFILE);
  }

  @Test
  void wrongBlobContentIsRejected() {
    pullFails(Fault.WRONG_BLOB, RegistryException.Reason.DIGEST_MISMATCH);
  }

  @Test
  void manifestDigestHeaderMismatchIsRejected() {
    pullFails(Fault.WRONG_MANIFEST_DIGEST_HEADER, RegistryException.Reason.DIGEST_MISMATCH);
  }

  @Test
  void oversizedContentLengthIsRefusedBeforeReading() {
    pullFails(Fault.OVERSIZED_LENGTH, RegistryException.Reason.TOO_LARGE);
  }

  @Test
  void redirectLoopIsAProtocolError() {
    pullFails(Fault.REDIRECT_LOOP, RegistryException.Reason.PROTOCOL);
  }
}
