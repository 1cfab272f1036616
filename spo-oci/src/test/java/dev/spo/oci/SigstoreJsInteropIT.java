package dev.spo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SignedArtifact;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.TrustedRoot;
import dev.spo.oci.sign.internal.CosignFormats;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with sigstore-js, an independent Sigstore implementation, fully offline on loopback:
 * {@code @sigstore/mock}'s Fulcio and Rekor served by {@code src/test/node/server.js}, bundles
 * signed by {@code sigstore} (sign.js) and verified by {@code @sigstore/verify} (verify.js). The
 * npm packages are pinned by package-lock.json and installed by {@code scripts/test}.
 *
 * <ul>
 *   <li>sigstore-js → us: a DSSE bundle (cosign 3 statement) and a message-signature bundle over
 *       the manifest, made by sigstore-js for an artifact we pushed to the real registry, verify
 *       with {@link CosignVerifier} against the mock's trusted root.
 *   <li>us → sigstore-js: a DSSE bundle we write (certificate, SCT and log entry from our test
 *       PKI) verifies with {@code @sigstore/verify} against our trusted_root.json.
 * </ul>
 */
@EnabledOnOs(OS.LINUX)
class SigstoreJsInteropIT {
  @RegisterExtension static final LocalRegistry REGISTRY = LocalRegistry.anonymous();

  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
  private static final String SAN = "https://example.test/signer";
  private static final String ISSUER = "https://oidc.example.test";

  @TempDir static Path work;
  private static Process mock;
  private static String mockUrl;
  private static RegistryClient client;
  private static OciProfiles oci;

  @BeforeAll
  static void setUp() throws Exception {
    assertThat(NODE_DIR.resolve("node_modules/@sigstore/mock"))
        .as("sigstore-js is not installed: run `npm ci --prefix spo-oci/src/test/node` (scripts/test does)")
        .isDirectory();
    Path out = Files.createDirectories(work.resolve("mock"));
    mock =
        new ProcessBuilder("node", "server.js", out.toString())
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("mock.log").toFile())
            .start();
    Path endpoints = out.resolve("endpoints.json");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(endpoints)) {
      assertThat(mock.isAlive()).as("mock server exited: %s", log()).isTrue();
      assertThat(Instant.now()).as("mock server did not start").isBefore(deadline);
      Thread.sleep(50);
    }
    mockUrl = (String) Json.readObject(Files.readAllBytes(endpoints), "endpoints").get("url");
    assertThat(mockUrl).startsWith("http://127.0.0.1:");
    client = REGISTRY.clientBuilder().build();
    oci = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();
  }

  @AfterAll
  static void tearDown() throws InterruptedException {
    if (oci != null) {
      oci.close();
      client.close();
    }
    if (mock != null) {
      mock.destroy();
      if (!mock.waitFor(10, TimeUnit.SECONDS)) {
        mock.destroyForcibly();
      }
    }
  }

  private static String log() {
    try {
      return Files.readString(work.resolve("mock.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String ref(String repoAndTag) {
    return REGISTRY.host() + "/" + repoAndTag;
  }

  private static CosignVerifier mockVerifier(String san) {
    return CosignVerifier.builder()
        .trustedRoot(TrustedRoot.fromFile(work.resolve("mock/trusted_root.json")))
        .identity(Identity.exact(san, ISSUER))
        .build();
  }

  @Test
  void dsseBundleFromSigstoreJsVerifiesWithUs() throws Exception {
    PushResult pushed = oci.push(ref("interop/dsse:v1"), PushRequest.of(TestProfiles.seccomp("js", "read")));
    OciRepository repo = oci.repository(ref("interop/dsse:v1"));
    Path statement = work.resolve("statement.json");
    Files.write(statement, CosignFormats.statement(repo.location(), pushed.digest()));
    Path bundle = work.resolve("dsse-bundle.json");
    node("sign.js", mockUrl, "attest", statement.toString(), bundle.toString(), SAN, ISSUER).assertOk();
    attach(repo, pushed.digest(), Files.readAllBytes(bundle));

    try (OciProfiles v = verifying(mockVerifier(SAN))) {
      VerificationResult r = v.pull(ref("interop/dsse:v1")).verification();
      assertThat(r.signer()).isEqualTo(SAN);
      assertThat(r.issuer()).isEqualTo(ISSUER);
      assertThat(r.scheme()).isEqualTo("sigstore-bundle");
    }
    try (OciProfiles v = verifying(mockVerifier("https://example.test/someone-else"))) {
      Throwable t = catchThrowable(() -> v.pull(ref("interop/dsse:v1")));
      assertThat(t).isInstanceOf(SignatureVerificationException.class);
      assertThat(((SignatureVerificationException) t).reasons()).singleElement().satisfies(s -> assertThat(s).contains("is not an accepted identity"));
    }
  }

  @Test
  void timestampedBundleWithoutSetVerifiesThroughTheTsa() throws Exception {
    PushResult pushed = oci.push(ref("interop/tsa:v1"), PushRequest.of(TestProfiles.seccomp("tsa", "read")));
    OciRepository repo = oci.repository(ref("interop/tsa:v1"));
    Path statement = work.resolve("tsa-statement.json");
    Files.write(statement, CosignFormats.statement(repo.location(), pushed.digest()));
    Path bundle = work.resolve("tsa-bundle.json");
    node("sign.js", mockUrl, "attest-tsa", statement.toString(), bundle.toString(), SAN, ISSUER).assertOk();
    // Drop the SET, as in a Rekor v2 bundle: the signing time must now come from the TSA.
    byte[] withoutSet = withoutSet(Files.readAllBytes(bundle));
    assertThat(new String(withoutSet, StandardCharsets.UTF_8)).doesNotContain("signedEntryTimestamp").contains("rfc3161Timestamps");
    attach(repo, pushed.digest(), withoutSet);
    try (OciProfiles v = verifying(mockVerifier(SAN))) {
      VerificationResult r = v.pull(ref("interop/tsa:v1")).verification();
      assertThat(r.signer()).isEqualTo(SAN);
      assertThat(r.details()).anySatisfy(d -> assertThat(d).startsWith("signedAt="));
    }
    // Without the timestamp as well, there is no trusted time.
    PushResult bare = oci.push(ref("interop/notime:v1"), PushRequest.of(TestProfiles.seccomp("notime", "read")));
    OciRepository bareRepo = oci.repository(ref("interop/notime:v1"));
    Files.write(statement, CosignFormats.statement(bareRepo.location(), bare.digest()));
    node("sign.js", mockUrl, "attest", statement.toString(), bundle.toString(), SAN, ISSUER).assertOk();
    attach(bareRepo, bare.digest(), withoutSet(Files.readAllBytes(bundle)));
    try (OciProfiles v = verifying(mockVerifier(SAN))) {
      Throwable t = catchThrowable(() -> v.pull(ref("interop/notime:v1")));
      assertThat(t).isInstanceOf(SignatureVerificationException.class);
      assertThat(((SignatureVerificationException) t).reasons()).singleElement().satisfies(s -> assertThat(s).contains("no trusted time"));
    }
  }

  @Test
  void messageSignatureBundleFromSigstoreJsVerifiesWithUs() throws Exception {
    PushResult pushed = oci.push(ref("interop/blob:v1"), PushRequest.of(TestProfiles.seccomp("blob", "write")));
    OciRepository repo = oci.repository(ref("interop/blob:v1"));
    Path manifest = work.resolve("manifest.json");
    Files.write(manifest, repo.manifest(pushed.digest(), 1 << 20).orElseThrow().bytes());
    Path bundle = work.resolve("blob-bundle.json");
    node("sign.js", mockUrl, "blob", manifest.toString(), bundle.toString(), SAN, ISSUER).assertOk();
    ManifestContent subject = repo.manifest(pushed.digest(), 1 << 20).orElseThrow();
    SignatureWriter.publishBundle(
        repo, Descriptor.of(subject.mediaType(), pushed.digest(), subject.size()), Files.readAllBytes(bundle), "message-signature");
    try (OciProfiles v = verifying(mockVerifier(SAN))) {
      assertThat(v.pull(ref("interop/blob:v1")).verification().signer()).isEqualTo(SAN);
    }
  }

  @Test
  void ourBundleVerifiesWithSigstoreJs() throws Exception {
    TestSigstore pki = new TestSigstore();
    PushResult pushed = oci.push(ref("interop/ours:v1"), PushRequest.of(TestProfiles.seccomp("ours", "read")));
    OciRepository repo = oci.repository(ref("interop/ours:v1"));
    SignedArtifact signed = pki.signer(SAN, ISSUER).sign(repo, pushed.digest(), SigningOptions.of(SignatureFormat.BUNDLE_REFERRER));
    Path bundle = work.resolve("our-bundle.json");
    Files.write(bundle, bundleOf(repo, signed.published().get(0).manifestDigest()));
    Path root = work.resolve("our-root.json");
    Files.write(root, pki.trustedRootJson());

    Result ok = node("verify.js", root.toString(), bundle.toString(), SAN, ISSUER);
    ok.assertOk();
    assertThat(ok.output).contains(SAN);
    Result wrong = node("verify.js", root.toString(), bundle.toString(), "https://example.test/other", ISSUER);
    assertThat(wrong.exit).isEqualTo(1);
    assertThat(wrong.output).contains("UNTRUSTED_SIGNER_ERROR");
    Result otherRoot = node("verify.js", work.resolve("mock/trusted_root.json").toString(), bundle.toString(), SAN, ISSUER);
    assertThat(otherRoot.exit).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  /** The bundle without the tlog entries' inclusion promises (SETs). */
  private static byte[] withoutSet(byte[] bundle) {
    Map<String, @Nullable Object> doc = Json.readObject(bundle, "bundle");
    Map<?, ?> vm = (Map<?, ?>) doc.get("verificationMaterial");
    for (Object entry : (List<?>) vm.get("tlogEntries")) {
      ((Map<?, ?>) entry).remove("inclusionPromise");
    }
    return Json.write(doc);
  }

  private static OciProfiles verifying(CosignVerifier verifier) {
    return OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.require(verifier)).build();
  }

  private static void attach(OciRepository repo, String digest, byte[] bundle) {
    ManifestContent subject = repo.manifest(digest, 1 << 20).orElseThrow();
    SignatureWriter.publishBundle(repo, Descriptor.of(subject.mediaType(), digest, subject.size()), bundle);
  }

  private static byte[] bundleOf(OciRepository repo, String referrer) {
    ManifestContent m = repo.manifest(referrer, 1 << 20).orElseThrow();
    Descriptor layer = Manifests.parseManifest(Json.readObject(m.bytes(), "ref"), "ref", OciLimits.DEFAULTS).layers().get(0);
    return repo.blob(layer.digest(), 1 << 20);
  }

  private record Result(int exit, String output) {
    void assertOk() {
      assertThat(exit).as("node failed: %s", output).isZero();
    }
  }

  private static Result node(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", script));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "node", ".log");
    Process p = new ProcessBuilder(cmd).directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("node " + script + " timed out");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
