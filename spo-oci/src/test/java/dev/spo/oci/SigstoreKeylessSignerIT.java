package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.SignatureException;
import dev.spo.oci.sign.SignatureVerification;
import dev.spo.oci.sign.SigstoreKeylessSigner;
import dev.spo.oci.sign.TrustedRoot;
import dev.spo.oci.sign.internal.CosignFormats;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless signing with {@link SigstoreKeylessSigner} (sigstore-java's {@code KeylessSigner})
 * against {@code @sigstore/mock}'s Fulcio (behind a gRPC/TLS front, the only Fulcio transport of
 * sigstore-java 2.0.0) and Rekor, on loopback; the artifact lives in a real Distribution registry.
 * The signature is then verified by {@link CosignVerifier} (both forms) and, for the bundle, by
 * {@code @sigstore/verify}.
 */
@EnabledOnOs(OS.LINUX)
class SigstoreKeylessSignerIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
  private static final String SUB = "https://example.test/keyless-signer";
  private static final String ISS = "https://oidc.example.test";

  @TempDir static Path work;
  private static Process mock;
  private static String restUrl;
  private static String grpcUrl;
  private static Path trustStore;

  @BeforeAll
  static void setUp() throws Exception {
    assertThat(NODE_DIR.resolve("node_modules/@grpc/grpc-js"))
        .as("sigstore-js is not installed: run `npm ci --prefix spo-oci/src/test/node` (scripts/test does)")
        .isDirectory();
    Path proto = Files.createDirectories(work.resolve("proto/google/api"));
    for (String name : List.of("fulcio.proto", "google/api/annotations.proto", "google/api/http.proto", "google/api/field_behavior.proto")) {
      try (InputStream in = KeylessSignMain.class.getClassLoader().getResourceAsStream(name)) {
        assertThat(in).as("sigstore-java jar resource %s", name).isNotNull();
        Files.copy(in, work.resolve("proto").resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertThat(proto).isDirectory();
    run(List.of(
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", work.resolve("tls.key").toString(), "-out", work.resolve("tls.crt").toString(), "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
    trustStore = work.resolve("trust.p12");
    run(List.of(
        "keytool", "-importcert", "-noprompt", "-alias", "fulcio", "-file", work.resolve("tls.crt").toString(),
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
    Path out = Files.createDirectories(work.resolve("mock"));
    mock =
        new ProcessBuilder("node", "server.js", out.toString(), "--grpc", work.resolve("proto").toString(),
                work.resolve("tls.key").toString(), work.resolve("tls.crt").toString())
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("mock.log").toFile())
            .start();
    Path endpoints = out.resolve("endpoints.json");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(endpoints)) {
      assertThat(mock.isAlive()).as("mock server exited: %s", Files.readString(work.resolve("mock.log"))).isTrue();
      assertThat(Instant.now()).as("mock server did not start").isBefore(deadline);
      Thread.sleep(50);
    }
    var doc = Json.readObject(Files.readAllBytes(endpoints), "endpoints");
    restUrl = (String) doc.get("url");
    grpcUrl = (String) doc.get("grpcUrl");
  }

  @AfterAll
  static void tearDown() throws InterruptedException {
    if (mock != null) {
      mock.destroy();
      if (!mock.waitFor(10, TimeUnit.SECONDS)) {
        mock.destroyForcibly();
      }
    }
  }

  @Test
  void keylessSignatureFromSigstoreJavaVerifiesWithUsAndWithSigstoreJs() throws Exception {
    try (RegistryClient client = REGISTRY.clientBuilder().build();
        OciProfiles oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      String ref = REGISTRY.host() + "/keyless/profile:v1";
      PushResult pushed = oci.push(ref, PushRequest.of(TestProfiles.seccomp("keyless", "read")));
      Path token = work.resolve("token");
      Files.writeString(token, jwt(SUB, ISS));
      Path result = work.resolve("signer.txt");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Djavax.net.ssl.trustStore=" + trustStore);
      cmd.add("-Djavax.net.ssl.trustStorePassword=changeit");
      cmd.add("-Djavax.net.ssl.trustStoreType=PKCS12");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(KeylessSignMain.class.getName());
      cmd.addAll(List.of(REGISTRY.host(), ref, pushed.digest(), work.resolve("mock/trusted_root.json").toString(), grpcUrl, restUrl,
          token.toString(), result.toString()));
      run(cmd);
      assertThat(Files.readString(result)).isEqualTo(SUB);

      CosignVerifier verifier =
          CosignVerifier.builder()
              .trustedRoot(TrustedRoot.fromFile(work.resolve("mock/trusted_root.json")))
              .identity(Identity.exact(SUB, ISS))
              .build();
      OciRepository repo = oci.repository(ref);
      SignatureSubject subject = new SignatureSubject(ref, repo.location(), null, pushed.digest(), MediaTypes.OCI_MANIFEST);
      SignatureVerification both = verifier.verifyDetailed(subject, repo);
      assertThat(both.scheme().id()).isEqualTo("sigstore-bundle");
      assertThat(both.signer()).isEqualTo(SUB);
      assertThat(both.issuer()).isEqualTo(ISS);
      assertThat(both.rejected()).isEmpty();
      // The referrer bundle to @sigstore/verify (below) before the legacy-only check empties the index.
      verifyReferrerWithSigstoreJs(repo, pushed.digest());
      // The legacy .sig form alone verifies as well: empty the referrers index.
      byte[] emptyIndex = Manifests.writeIndex(List.of());
      repo.putManifest(CosignFormats.referrersTag(pushed.digest()), dev.spo.oci.internal.Digests.sha256(emptyIndex), MediaTypes.OCI_INDEX, emptyIndex);
      SignatureVerification legacy = verifier.verifyDetailed(subject, repo);
      assertThat(legacy.scheme().id()).isEqualTo("cosign-legacy");
      assertThat(legacy.signedAt()).isNotNull();
    }
  }

  /** The referrer bundle verifies with @sigstore/verify (artifact: the manifest bytes). */
  private static void verifyReferrerWithSigstoreJs(OciRepository repo, String digest) throws Exception {
    ManifestContent index = repo.manifest(CosignFormats.referrersTag(digest), 1 << 20).orElseThrow();
    Descriptor referrer = Manifests.parseIndex(Json.readObject(index.bytes(), "idx"), "idx", OciLimits.DEFAULTS).get(0);
    ManifestContent m = repo.manifest(referrer.digest(), 1 << 20).orElseThrow();
    Descriptor layer = Manifests.parseManifest(Json.readObject(m.bytes(), "ref"), "ref", OciLimits.DEFAULTS).layers().get(0);
    Path bundle = work.resolve("bundle.json");
    Files.write(bundle, repo.blob(layer.digest(), 1 << 20));
    Path artifact = work.resolve("manifest.json");
    Files.write(artifact, repo.manifest(digest, 1 << 20).orElseThrow().bytes());
    String out = run(List.of("node", NODE_DIR.resolve("verify.js").toString(), work.resolve("mock/trusted_root.json").toString(),
        bundle.toString(), SUB, ISS, artifact.toString()));
    assertThat(out).contains(SUB);
  }

  @Test
  void unreadableTokenFailsWithATypedErrorAfterThePush() throws Exception {
    try (RegistryClient client = REGISTRY.clientBuilder().build();
        OciProfiles oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
        SigstoreKeylessSigner signer =
            SigstoreKeylessSigner.builder()
                .trustedRoot(work.resolve("mock/trusted_root.json"))
                .fulcioUrl(URI.create(grpcUrl))
                .rekorUrl(URI.create(restUrl))
                .identityTokenFile(work.resolve("does-not-exist"))
                .build()) {
      String ref = REGISTRY.host() + "/keyless/notoken:v1";
      Throwable t =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> dev.spo.oci.sign.SigningPushes.pushAndSign(
                  oci, ref, PushRequest.of(TestProfiles.seccomp("n", "read")), signer, dev.spo.oci.sign.SigningOptions.defaults()));
      assertThat(t).isInstanceOf(SignatureException.class).hasMessageContaining("but signing it failed");
      assertThat(((SignatureException) t).pushedReference()).startsWith(REGISTRY.host() + "/keyless/notoken@sha256:");
    }
  }

  private static String jwt(String sub, String iss) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(
        ("{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"sigstore\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
            .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2ln";
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Path log = Files.createTempFile(work, "cmd", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd.get(0) + " timed out: " + Files.readString(log));
    }
    String out = Files.readString(log);
    assertThat(p.exitValue()).as("%s failed: %s", cmd.get(0), out).isZero();
    return out;
  }
}
