package dev.spo.oci.sign;

import dev.spo.core.SpoException;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.PushRequest;
import dev.spo.oci.PushResult;
import java.util.Objects;

/** Push and sign in one call, like {@code spoc push} with signing enabled. */
public final class SigningPushes {
  /** A pushed and signed artifact. */
  public record SignedPush(PushResult push, SignedArtifact signature) {
    public SignedPush {
      Objects.requireNonNull(push, "push");
      Objects.requireNonNull(signature, "signature");
    }
  }

  private SigningPushes() {}

  /**
   * Pushes {@code request} to {@code reference} and signs the pushed digest.
   *
   * @throws SignatureException when signing fails after a successful push; {@link
   *     SignatureException#pushedReference()} then names the pushed artifact so it can be signed later
   */
  public static SignedPush pushAndSign(
      OciProfiles oci, String reference, PushRequest request, ArtifactSigner signer, SigningOptions options) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(options, "options");
    PushResult pushed = oci.push(reference, request);
    try {
      return new SignedPush(pushed, signer.sign(oci.repository(reference), pushed.digest(), options));
    } catch (SpoException | IllegalArgumentException | IllegalStateException e) {
      throw new SignatureException(
          "pushed " + pushed.reference() + ", but signing it failed: " + e.getMessage(), pushed.reference(), e);
    }
  }
}
