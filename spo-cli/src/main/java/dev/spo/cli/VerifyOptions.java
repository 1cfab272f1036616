package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.sign.CosignVerifier;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.PublicKeys;
import dev.spo.oci.sign.TrustedRoot;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Signature verification flags of every command that pulls. */
final class VerifyOptions {
  @Option(names = "--key", paramLabel = "PEM", description = "Verify with this public key (PEM; cosign.pub).")
  @Nullable Path key;

  @Option(names = "--certificate-identity", paramLabel = "ID", description = "Keyless: the exact signer identity (e-mail or URI).")
  @Nullable String certificateIdentity;

  @Option(names = "--certificate-identity-regexp", paramLabel = "RE", description = "Keyless: a regular expression for the signer identity.")
  @Nullable String certificateIdentityRegexp;

  @Option(names = "--certificate-oidc-issuer", paramLabel = "URL", description = "Keyless: the exact OIDC issuer.")
  @Nullable String certificateOidcIssuer;

  @Option(names = "--certificate-oidc-issuer-regexp", paramLabel = "RE", description = "Keyless: a regular expression for the OIDC issuer.")
  @Nullable String certificateOidcIssuerRegexp;

  @Option(names = "--trusted-root", paramLabel = "FILE",
      description = "Keyless: Sigstore trusted_root.json (offline; the public-good TUF root is not supported yet).")
  @Nullable Path trustedRoot;

  @Option(names = "--insecure-skip-verify", description = "Do not verify signatures (logs a warning on every pull).")
  boolean insecureSkipVerify;

  boolean anyVerificationFlag() {
    return key != null || keyless();
  }

  private boolean keyless() {
    return certificateIdentity != null
        || certificateIdentityRegexp != null
        || certificateOidcIssuer != null
        || certificateOidcIssuerRegexp != null
        || trustedRoot != null;
  }

  /** The policy the flags ask for (skipping is logged at WARN by spo-oci on every pull). */
  SignaturePolicy policy() {
    if (insecureSkipVerify) {
      if (anyVerificationFlag()) {
        throw CliException.usage("--insecure-skip-verify cannot be combined with verification flags");
      }
      return SignaturePolicy.insecureSkipVerification();
    }
    if (!anyVerificationFlag()) {
      throw CliException.usage(
          "pulling requires signature verification: pass --key PEM, or --certificate-identity[-regexp] with "
              + "--certificate-oidc-issuer[-regexp] and --trusted-root, or --insecure-skip-verify");
    }
    return SignaturePolicy.require(verifier());
  }

  /** The verifier the flags configure. */
  CosignVerifier verifier() {
    CosignVerifier.Builder b = CosignVerifier.builder();
    if (key != null) {
      b.publicKey(PublicKeys.fromPem(ProfileIo.readText(key)));
    }
    if (keyless()) {
      if (certificateIdentity != null && certificateIdentityRegexp != null
          || certificateOidcIssuer != null && certificateOidcIssuerRegexp != null) {
        throw CliException.usage("give either the exact or the -regexp form of --certificate-identity and --certificate-oidc-issuer");
      }
      if (certificateIdentity == null && certificateIdentityRegexp == null
          || certificateOidcIssuer == null && certificateOidcIssuerRegexp == null) {
        throw CliException.usage("keyless verification needs --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp]");
      }
      if (trustedRoot == null) {
        throw CliException.usage("keyless verification needs --trusted-root FILE (the public-good TUF root is not supported yet)");
      }
      b.trustedRoot(TrustedRoot.fromFile(ProfileIo.requireFile(trustedRoot)));
      String subject = certificateIdentity != null ? Pattern.quote(certificateIdentity) : certificateIdentityRegexp;
      String issuer = certificateOidcIssuer != null ? Pattern.quote(certificateOidcIssuer) : certificateOidcIssuerRegexp;
      try {
        b.identity(Identity.regex(java.util.Objects.requireNonNull(subject), java.util.Objects.requireNonNull(issuer)));
      } catch (IllegalArgumentException e) {
        throw CliException.usage("invalid identity pattern: " + e.getMessage());
      }
    }
    return b.build();
  }
}
