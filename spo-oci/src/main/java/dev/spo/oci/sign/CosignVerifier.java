package dev.spo.oci.sign;

import dev.spo.oci.ContentReader;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.SignatureSubject;
import dev.spo.oci.SignatureVerificationException;
import dev.spo.oci.SignatureVerifier;
import dev.spo.oci.VerificationResult;
import dev.spo.oci.sign.SignatureVerification.Rejection;
import dev.spo.oci.sign.internal.Candidate;
import dev.spo.oci.sign.internal.CandidateChecker;
import dev.spo.oci.sign.internal.Discovery;
import dev.spo.oci.sign.internal.Reject;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies cosign signatures of a pulled digest, the way {@code cosign verify} does, offline.
 *
 * <p>Candidates are Sigstore bundles attached as referrers (read through the referrers tag schema
 * {@code sha256-<hex>}) and the layers of cosign's legacy {@code sha256-<hex>.sig} manifest, at
 * most {@link SignatureLimits#maxCandidates()} of them. A certificate signature is accepted when
 * the certificate chains to a CA of the {@link TrustedRoot} and carries an SCT of a trusted CT
 * log (when the root lists CT logs), its SAN and OIDC issuer match one {@link Identity}, the transparency log proves it (a SET
 * for legacy signatures; inclusion proof, signed checkpoint and SET for bundles), and the
 * certificate was valid at the log's integrated time. A public-key signature is accepted when one
 * configured key verifies it. In both cases the signed claim must name the pulled digest
 * ({@code docker-manifest-digest} or the in-toto subject). One accepted signature is enough; the
 * result lists why the others were rejected.
 *
 * <pre>{@code
 * SignatureVerifier v = CosignVerifier.builder()
 *     .trustedRoot(TrustedRoot.fromFile(Path.of("trusted_root.json")))
 *     .identity(Identity.exact("ci@example.com", "https://accounts.example.com"))
 *     .build();
 * OciProfiles oci = OciProfiles.builder().signaturePolicy(SignaturePolicy.require(v)).build();
 * }</pre>
 */
public final class CosignVerifier implements SignatureVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(CosignVerifier.class);

  private final CandidateChecker checker;
  private final SignatureLimits limits;
  private final boolean dockerReferenceIsRepository;
  private final String description;

  private CosignVerifier(Builder b) {
    this.limits = b.limits;
    this.dockerReferenceIsRepository = b.dockerReferenceIsRepository;
    this.checker =
        new CandidateChecker(
            b.keys,
            b.trustedRoot == null ? null : b.trustedRoot.trust(),
            b.identities,
            b.dockerReference,
            b.keyLog == null ? null : b.keyLog.trust());
    this.description =
        "CosignVerifier[keys=" + b.keys.size() + ", trustedRoot=" + b.trustedRoot + ", identities=" + b.identities
            + (b.keyLog == null ? "" : ", keyLog=" + b.keyLog) + "]";
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VerificationResult verify(SignatureSubject subject, ContentReader content) {
    return verifyDetailed(subject, content).toResult();
  }

  /**
   * Verifies and returns the full outcome.
   *
   * @throws SignatureVerificationException when no signature satisfies the policy; its reasons
   *     name every rejected candidate
   */
  public SignatureVerification verifyDetailed(SignatureSubject subject, ContentReader content) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(content, "content");
    String digest = subject.digest();
    CandidateChecker c = checker;
    if (dockerReferenceIsRepository) {
      c = new CandidateChecker(checker.keys(), checker.keyless(), checker.identities(), subject.location(), checker.keyLog());
    }
    Supplier<byte[]> manifest = () -> subjectManifest(content, digest);
    List<Rejection> rejected = new ArrayList<>();
    // Like cosign 3: bundles first; the legacy .sig tag is only read when no bundle is accepted,
    // which saves two registry round trips on the common path.
    Discovery.Found bundles = Discovery.bundles(content, digest, limits);
    rejected.addAll(bundles.rejected());
    @Nullable SignatureVerification accepted = firstAccepted(c, bundles, subject, digest, manifest, rejected);
    if (accepted != null) {
      return accepted;
    }
    Discovery.Found legacy = Discovery.legacy(content, digest, limits, bundles.candidates().size());
    rejected.addAll(legacy.rejected());
    accepted = firstAccepted(c, legacy, subject, digest, manifest, rejected);
    if (accepted != null) {
      return accepted;
    }
    boolean none = bundles.candidates().isEmpty() && legacy.candidates().isEmpty();
    List<String> reasons = new ArrayList<>();
    for (Rejection r : rejected) {
      reasons.add(r.toString());
    }
    String message =
        none && rejected.isEmpty()
            ? "no signatures found (looked for " + content.location() + ":" + digest.replace(':', '-') + ".sig and bundle referrers)"
            : "no signature satisfies the policy";
    throw new SignatureVerificationException(subject.reference(), digest, message, reasons);
  }

  private static @Nullable SignatureVerification firstAccepted(
      CandidateChecker c,
      Discovery.Found found,
      SignatureSubject subject,
      String digest,
      Supplier<byte[]> manifest,
      List<Rejection> rejected) {
    for (Candidate candidate : found.candidates()) {
      try {
        CandidateChecker.Accepted a = c.check(candidate, digest, manifest);
        LOG.debug("{}@{}: accepted {} signature by {} from {}", subject.location(), digest, a.scheme().id(), a.signer(), a.source());
        return new SignatureVerification(
            digest, a.scheme(), a.keyless(), a.signer(), a.issuer(), a.signedAt(), a.source(), rejected);
      } catch (Reject e) {
        rejected.add(new Rejection(candidate.source(), e.getMessage()));
      } catch (RuntimeException e) {
        // A malformed candidate must not hide a valid one; it is never accepted either.
        rejected.add(new Rejection(candidate.source(), "unverifiable: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return null;
  }

  private byte[] subjectManifest(ContentReader content, String digest) {
    ManifestContent m =
        content
            .manifest(digest, limits.maxManifestBytes())
            .orElseThrow(() -> new SignatureException("signed manifest " + digest + " is gone from " + content.location()));
    return m.bytes();
  }

  @Override
  public String toString() {
    return description;
  }

  /** Builder for {@link CosignVerifier}. At least one public key or a trusted root with an identity is required. */
  public static final class Builder {
    private final List<PublicKey> keys = new ArrayList<>();
    private final List<Identity> identities = new ArrayList<>();
    private @Nullable TrustedRoot trustedRoot;
    private @Nullable TrustedRoot keyLog;
    private @Nullable String dockerReference;
    private boolean dockerReferenceIsRepository;
    private SignatureLimits limits = SignatureLimits.DEFAULTS;

    private Builder() {}

    /** Accepts signatures made with this key (ECDSA P-256, RSA or Ed25519). */
    public Builder publicKey(PublicKey key) {
      keys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Key signatures must also be recorded in a transparency log of {@code logs} (its {@code
     * tlogs}): a SET for legacy signatures, inclusion proof, checkpoint and SET for bundles, with
     * the log body naming the key. Without this, key signatures need no log entry (cosign's
     * {@code --insecure-ignore-tlog}); the result's time is then unknown.
     */
    public Builder transparencyLogForKeys(TrustedRoot logs) {
      this.keyLog = Objects.requireNonNull(logs, "logs");
      return this;
    }

    /** Accepts certificate (keyless) signatures that chain to this trusted root. */
    public Builder trustedRoot(TrustedRoot root) {
      this.trustedRoot = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * Accepts keyless signatures by this signer; any one identity suffices. Use {@code
     * Identity.regex(".*", ".*")} to accept any signer of the trusted root (SPO's default, and
     * as weak as it sounds).
     */
    public Builder identity(Identity identity) {
      identities.add(Objects.requireNonNull(identity, "identity"));
      return this;
    }

    /** Legacy payloads must carry exactly this {@code docker-reference} (cosign does not check it by default). */
    public Builder dockerReference(String reference) {
      this.dockerReference = Objects.requireNonNull(reference, "reference");
      this.dockerReferenceIsRepository = false;
      return this;
    }

    /** Legacy payloads must carry the pulled repository ({@code registry/repository}) as {@code docker-reference}. */
    public Builder dockerReferenceMatchesRepository() {
      this.dockerReference = null;
      this.dockerReferenceIsRepository = true;
      return this;
    }

    /** Bounds on candidates and sizes; {@link SignatureLimits#DEFAULTS} by default. */
    public Builder limits(SignatureLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws IllegalStateException when nothing is trusted, or a trusted root has no identity
     */
    public CosignVerifier build() {
      if (keys.isEmpty() && trustedRoot == null) {
        throw new IllegalStateException("a CosignVerifier needs a public key or a trusted root");
      }
      if (trustedRoot != null && identities.isEmpty()) {
        throw new IllegalStateException(
            "keyless verification needs at least one accepted Identity; Identity.regex(\".*\", \".*\") accepts any signer");
      }
      return new CosignVerifier(this);
    }
  }
}
