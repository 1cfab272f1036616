package dev.spo.oci;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether pulls must be signed. There are exactly three states: {@linkplain #require(SignatureVerifier)
 * verification required} with a verifier, {@linkplain #insecureSkipVerification() explicitly
 * skipped} (logged at WARN on every pull), and {@linkplain #unconfigured() unconfigured} (the
 * default), under which every pull fails and says how to configure one of the other two.
 */
public final class SignaturePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(SignaturePolicy.class);
  private static final SignaturePolicy UNCONFIGURED = new SignaturePolicy(null, false);
  private static final SignaturePolicy SKIP = new SignaturePolicy(null, true);

  private final @Nullable SignatureVerifier verifier;
  private final boolean skip;

  private SignaturePolicy(@Nullable SignatureVerifier verifier, boolean skip) {
    this.verifier = verifier;
    this.skip = skip;
  }

  /** Pulls succeed only when {@code verifier} accepts the pulled digest. */
  public static SignaturePolicy require(SignatureVerifier verifier) {
    return new SignaturePolicy(Objects.requireNonNull(verifier, "verifier"), false);
  }

  /**
   * Pulls are not verified. Every pull logs a WARN naming the unverified digest. Use only for
   * local development or content whose integrity is established otherwise.
   */
  public static SignaturePolicy insecureSkipVerification() {
    return SKIP;
  }

  /** The default: nothing configured, so pulls fail with instructions. */
  public static SignaturePolicy unconfigured() {
    return UNCONFIGURED;
  }

  /** Whether this policy skips verification. */
  public boolean skipsVerification() {
    return skip;
  }

  /** Whether a verifier is configured. */
  public boolean hasVerifier() {
    return verifier != null;
  }

  /**
   * Applies the policy to a pulled digest.
   *
   * @throws SignatureVerificationException when unconfigured or the verifier rejects it
   */
  public VerificationResult enforce(SignatureSubject subject, ContentReader content) {
    if (verifier != null) {
      VerificationResult result = verifier.verify(subject, content);
      if (result.status() != VerificationResult.Status.VERIFIED || !result.digest().equals(subject.digest())) {
        throw new SignatureVerificationException(
            subject.reference(),
            subject.digest(),
            "the signature verifier did not return a verified result for this digest",
            result.details());
      }
      return result;
    }
    if (skip) {
      LOG.warn(
          "Signature verification is DISABLED: pulled {}@{} without checking any signature",
          subject.location(),
          subject.digest());
      return VerificationResult.skipped(subject.digest());
    }
    throw new SignatureVerificationException(
        subject.reference(),
        subject.digest(),
        "refusing to pull: no signature verifier is configured. Configure one with"
            + " OciProfiles.builder().signaturePolicy(SignaturePolicy.require(verifier)), or opt out"
            + " explicitly with SignaturePolicy.insecureSkipVerification() (logged at WARN on every pull)",
        List.of("no signature verifier configured"));
  }

  @Override
  public String toString() {
    return verifier != null ? "SignaturePolicy[require " + verifier + "]" : skip ? "SignaturePolicy[SKIP]" : "SignaturePolicy[unconfigured]";
  }
}
