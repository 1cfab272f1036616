package dev.spo.testing.junit;

import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.TestSigstore;
import dev.spo.oci.sign.TrustedRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

/**
 * JUnit 5 extension that creates one offline test Sigstore PKI ({@link TestSigstore}: a Fulcio-like
 * CA, a CT log key and a Rekor-like transparency log, all in memory) per test class, and writes its
 * {@code trusted_root.json} to a temporary directory that is deleted after the class. {@code @Nested}
 * classes share the PKI of their enclosing class.
 *
 * <p>Either annotate the class with {@link WithTestSigstore} and take the extension as a parameter
 * of test, lifecycle or constructor methods, or register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestSigstoreExtension SIGSTORE = TestSigstoreExtension.create();
 *
 * @Test
 * void keylessSignaturesVerify() {
 *   SIGSTORE.signer("ci@example.test", "https://oidc.example.test").sign(repository, digest, SigningOptions.defaults());
 *   OciProfiles verifying = OciProfiles.builder().registryClient(client)
 *       .signaturePolicy(SignaturePolicy.require(SIGSTORE.verifier("ci@example.test", "https://oidc.example.test")))
 *       .build();
 * }
 * }</pre>
 *
 * <p>Signatures are keyless, in the forms cosign writes (legacy {@code .sig} tag and Sigstore
 * bundle), with a short-lived leaf certificate per signing call carrying the SAN and OIDC issuer,
 * an embedded SCT and a transparency-log entry with SET and inclusion proof; they verify only
 * against this PKI's trusted root. For deliberately broken signatures use {@link #pki()} and
 * {@link TestSigstore#signer(String, String, TestSigstore.Fault...)}.
 *
 * <p>Registered on an instance field, {@code beforeAll} never runs, so no PKI is created; use a
 * static field.
 */
public final class TestSigstoreExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  /** The SAN {@link #signer()} signs as and {@link #verifier()} requires. */
  public static final String SUBJECT = "ci@example.test";
  /** The OIDC issuer {@link #signer()} signs as and {@link #verifier()} requires. */
  public static final String ISSUER = "https://oidc.example.test";
  /** File name of the trusted root in {@link #trustedRootFile()}'s directory. */
  public static final String TRUSTED_ROOT_FILE = "trusted_root.json";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestSigstoreExtension.class);
  private static final String KEY = "pki";

  private volatile @Nullable Pki pki;

  /** The constructor {@link WithTestSigstore} uses; {@link #create()} for static fields. */
  public TestSigstoreExtension() {}

  /** A new extension, for a {@code @RegisterExtension static final} field. */
  public static TestSigstoreExtension create() {
    return new TestSigstoreExtension();
  }

  /**
   * The underlying PKI, e.g. for {@link TestSigstore.Fault faulty} signers or
   * {@link TestSigstore#loggedKeySigner key signatures recorded in its log}.
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public TestSigstore pki() {
    return current().sigstore;
  }

  /**
   * The trusted root ({@code trusted_root.json}) of this PKI: its CA, CT log and transparency log.
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public TrustedRoot trustedRoot() {
    return current().trustedRoot;
  }

  /**
   * The {@code trusted_root.json} file of this PKI, e.g. for {@code spoc --trusted-root} or
   * {@link TrustedRoot#fromFile(Path)}; deleted after the test class.
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public Path trustedRootFile() {
    return current().file;
  }

  /**
   * A keyless signer whose certificates name this SAN (an email or a URI) and OIDC issuer.
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public ArtifactSigner signer(String san, String issuer) {
    Objects.requireNonNull(san, "san");
    Objects.requireNonNull(issuer, "issuer");
    return current().sigstore.signer(san, issuer);
  }

  /** {@link #signer(String, String)} for {@link #SUBJECT} and {@link #ISSUER}. */
  public ArtifactSigner signer() {
    return signer(SUBJECT, ISSUER);
  }

  /**
   * A verifier that trusts this PKI's root and accepts keyless signatures of exactly this SAN and
   * OIDC issuer; for {@code SignaturePolicy.require(...)}.
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public CosignVerifier verifier(String san, String issuer) {
    return verifier(Identity.exact(san, issuer));
  }

  /** {@link #verifier(String, String)} for {@link #SUBJECT} and {@link #ISSUER}. */
  public CosignVerifier verifier() {
    return verifier(SUBJECT, ISSUER);
  }

  /**
   * A verifier that trusts this PKI's root and accepts keyless signatures whose certificate
   * matches this identity (exact or regular expressions).
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public CosignVerifier verifier(Identity identity) {
    return CosignVerifier.builder().trustedRoot(trustedRoot()).identity(Objects.requireNonNull(identity, "identity")).build();
  }

  private Pki current() {
    Pki p = pki;
    if (p == null) {
      throw new IllegalStateException("the test Sigstore PKI exists from beforeAll to afterAll of the test class; "
          + "register TestSigstoreExtension on a static field");
    }
    return p;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Store lookups see the enclosing classes' stores, so a @Nested class finds the outer PKI.
    Pki existing = context.getStore(NAMESPACE).get(KEY, Pki.class);
    if (existing != null) {
      pki = existing;
      return;
    }
    Pki created = Pki.create();
    context.getStore(NAMESPACE).put(KEY, created);
    pki = created;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // remove() looks at this class's store only: a @Nested class leaves the outer PKI in place.
    Pki own = context.getStore(NAMESPACE).remove(KEY, Pki.class);
    if (own != null) {
      pki = null;
      own.delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == TestSigstoreExtension.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (extensionContext.getStore(NAMESPACE).get(KEY, Pki.class) == null || pki == null) {
      throw new ParameterResolutionException("no test Sigstore PKI exists for " + extensionContext.getDisplayName()
          + "; register TestSigstoreExtension on the class (@WithTestSigstore) or on a static field");
    }
    return this;
  }

  /** One PKI and its trusted root on disk. */
  private static final class Pki {
    final TestSigstore sigstore;
    final TrustedRoot trustedRoot;
    final Path directory;
    final Path file;

    private Pki(TestSigstore sigstore, Path directory) throws IOException {
      this.sigstore = sigstore;
      this.directory = directory;
      byte[] json = sigstore.trustedRootJson();
      this.file = Files.write(directory.resolve(TRUSTED_ROOT_FILE), json);
      this.trustedRoot = TrustedRoot.fromJson(json);
    }

    static Pki create() {
      Path dir;
      try {
        dir = Files.createTempDirectory("spo-test-sigstore-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the test Sigstore trusted root", e);
      }
      try {
        return new Pki(new TestSigstore(), dir);
      } catch (IOException e) {
        deleteQuietly(dir);
        throw new UncheckedIOException("cannot write the test Sigstore trusted root to " + dir, e);
      }
    }

    void delete() {
      deleteQuietly(directory);
    }

    private static void deleteQuietly(Path dir) {
      try {
        Files.deleteIfExists(dir.resolve(TRUSTED_ROOT_FILE));
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // A leftover temporary file must not fail the tests.
      }
    }
  }
}
