package dev.spo.bench;

import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.core.seccomp.Syscall;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.OciRepository;
import dev.spo.oci.PullResult;
import dev.spo.oci.PushRequest;
import dev.spo.oci.PushResult;
import dev.spo.oci.RegistryClient;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.SignatureSubject;
import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.KeySigner;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SignatureVerification;
import dev.spo.oci.sign.SigningKeyPair;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.TestSigstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of cosign signature verification (ECDSA P-256 key signatures written by {@link
 * KeySigner}): verifying one legacy {@code .sig} layer and one bundle referrer read from an OCI
 * layout directory (page-cached files, no network), and a cold pull of a 400-rule profile with
 * verification from a loopback CNCF Distribution registry ({@code /usr/bin/docker-registry},
 * started here): tag resolution, manifest and blob, then the referrers index, referrer manifest
 * and bundle.
 *
 * <p>The keyless benchmarks verify signatures made by spo-oci's test Sigstore PKI ({@link
 * TestSigstore}, from its test-jar: a Fulcio-like CA with SCT-carrying leaf certificates and a
 * Rekor-like log), against its trusted root and one exact identity, from the same layout
 * directory: certificate chain, SCT, SAN/issuer match, SET (legacy) or inclusion proof, checkpoint
 * and SET (bundle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignedPullBenchmark {
  private Path work;
  private BenchRegistry registry;
  private RegistryClient client;
  private OciProfiles publisher;
  private OciProfiles verifying;
  private CosignVerifier verifier;
  private OciRepository layout;
  private SignatureSubject legacySubject;
  private SignatureSubject bundleSubject;
  private CosignVerifier keylessVerifier;
  private SignatureSubject keylessLegacySubject;
  private SignatureSubject keylessBundleSubject;
  private String reference;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    work = Files.createTempDirectory("spo-bench-signed-");
    KeySigner signer = KeySigner.of(SigningKeyPair.generate());
    verifier = CosignVerifier.builder().publicKey(signer.publicKey()).build();
    publisher = OciProfiles.builder().signaturePolicy(SignaturePolicy.insecureSkipVerification()).build();

    String layoutRef = "oci-layout:" + work.resolve("layout");
    PushResult legacy = publisher.push(layoutRef + ":legacy", PushRequest.of(profile("legacy", 400)));
    PushResult bundle = publisher.push(layoutRef + ":bundle", PushRequest.of(profile("bundle", 400)));
    layout = publisher.repository(layoutRef + ":legacy");
    signer.sign(layout, legacy.digest(), SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG));
    signer.sign(layout, bundle.digest(), SigningOptions.of(SignatureFormat.BUNDLE_REFERRER));
    legacySubject = new SignatureSubject(layoutRef, layout.location(), null, legacy.digest(), MediaTypes.OCI_MANIFEST);
    bundleSubject = new SignatureSubject(layoutRef, layout.location(), null, bundle.digest(), MediaTypes.OCI_MANIFEST);

    TestSigstore sigstore = new TestSigstore();
    String san = "bench@example.test";
    String issuer = "https://issuer.example.test";
    ArtifactSigner keyless = sigstore.signer(san, issuer);
    keylessVerifier = CosignVerifier.builder().trustedRoot(sigstore.trustedRoot()).identity(Identity.exact(san, issuer)).build();
    PushResult keylessLegacy = publisher.push(layoutRef + ":keyless-legacy", PushRequest.of(profile("keyless-legacy", 400)));
    PushResult keylessBundle = publisher.push(layoutRef + ":keyless-bundle", PushRequest.of(profile("keyless-bundle", 400)));
    keyless.sign(layout, keylessLegacy.digest(), SigningOptions.of(SignatureFormat.LEGACY_SIG_TAG));
    keyless.sign(layout, keylessBundle.digest(), SigningOptions.of(SignatureFormat.BUNDLE_REFERRER));
    keylessLegacySubject = new SignatureSubject(layoutRef, layout.location(), null, keylessLegacy.digest(), MediaTypes.OCI_MANIFEST);
    keylessBundleSubject = new SignatureSubject(layoutRef, layout.location(), null, keylessBundle.digest(), MediaTypes.OCI_MANIFEST);
    // Fail at set-up, not in the measurement, when a signature is not accepted.
    for (SignatureSubject s : List.of(legacySubject, bundleSubject)) {
      verifier.verifyDetailed(s, layout);
    }
    for (SignatureSubject s : List.of(keylessLegacySubject, keylessBundleSubject)) {
      if (!keylessVerifier.verifyDetailed(s, layout).keyless()) {
        throw new IllegalStateException("not accepted as a keyless signature: " + s);
      }
    }

    registry = BenchRegistry.start(work);
    String host = registry.host();
    client = RegistryClient.builder().plainHttp(host).build();
    try (OciProfiles push = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.insecureSkipVerification()).build()) {
      reference = host + "/bench/signed:v1";
      PushResult pushed = push.push(reference, PushRequest.of(profile("signed", 400)));
      signer.sign(push.repository(reference), pushed.digest(), SigningOptions.defaults());
    }
    verifying = OciProfiles.builder().registryClient(client).signaturePolicy(SignaturePolicy.require(verifier)).build();
    verifying.pull(reference);
  }

  private static SeccompProfile profile(String name, int rules) {
    List<Syscall> syscalls = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      syscalls.add(Syscall.of(i % 2 == 0 ? SeccompAction.ALLOW : SeccompAction.LOG, "syscall_" + i));
    }
    return SeccompProfile.of(
        name, SeccompSpec.builder().defaultAction(SeccompAction.ERRNO).architectures(SeccompArch.X86_64).syscalls(syscalls).build());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    verifying.close();
    publisher.close();
    client.close();
    registry.close();
  }

  /** Find and verify a legacy .sig layer (key signature) in a layout directory. */
  @Benchmark
  public SignatureVerification verifyLegacyKey() {
    return verifier.verifyDetailed(legacySubject, layout);
  }

  /** Find and verify a DSSE bundle referrer (key signature) in a layout directory. */
  @Benchmark
  public SignatureVerification verifyBundleKey() {
    return verifier.verifyDetailed(bundleSubject, layout);
  }

  /** Find and verify a legacy .sig layer (keyless: certificate, SCT, identity, SET) in a layout directory. */
  @Benchmark
  public SignatureVerification verifyLegacyKeyless() {
    return keylessVerifier.verifyDetailed(keylessLegacySubject, layout);
  }

  /** Find and verify a DSSE bundle referrer (keyless: certificate, SCT, identity, inclusion proof, checkpoint, SET) in a layout directory. */
  @Benchmark
  public SignatureVerification verifyBundleKeyless() {
    return keylessVerifier.verifyDetailed(keylessBundleSubject, layout);
  }

  /** Cold pull with verification from the loopback registry (cache emptied first). */
  @Benchmark
  public PullResult coldPullVerified() {
    verifying.invalidateAll();
    return verifying.pull(reference);
  }
}
