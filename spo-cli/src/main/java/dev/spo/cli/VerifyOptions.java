package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.oci.SignaturePolicy;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Signature verification flags of every command that pulls. */
final class VerifyOptions {
  @Option(names = "--key", paramLabel = "PEM", description = "Verify with this public key (PEM).")
  @Nullable Path key;

  @Option(names = "--certificate-identity", paramLabel = "ID", description = "Keyless: the exact signer identity (e-mail or URI).")
  @Nullable String certificateIdentity;

  @Option(names = "--certificate-identity-regexp", paramLabel = "RE", description = "Keyless: a regular expression for the signer identity.")
  @Nullable String certificateIdentityRegexp;

  @Option(names = "--certificate-oidc-issuer", paramLabel = "URL", description = "Keyless: the exact OIDC issuer.")
  @Nullable String certificateOidcIssuer;

  @Option(names = "--certificate-oidc-issuer-regexp", paramLabel = "RE", description = "Keyless: a regular expression for the OIDC issuer.")
  @Nullable String certificateOidcIssuerRegexp;

  @Option(names = "--trusted-root", paramLabel = "FILE", description = "Sigstore trusted_root.json for offline keyless verification.")
  @Nullable Path trustedRoot;

  @Option(names = "--insecure-skip-verify", description = "Do not verify signatures (prints a warning).")
  boolean insecureSkipVerify;

  boolean anyVerificationFlag() {
    return key != null
        || certificateIdentity != null
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
    if (anyVerificationFlag()) {
      throw CliException.usage(
          "signature verification (--key, --certificate-*, --trusted-root) is not available yet in this build; "
              + "use --insecure-skip-verify");
    }
    throw CliException.usage(
        "pulling requires signature verification: pass --key PEM, or --certificate-identity[-regexp] with "
            + "--certificate-oidc-issuer[-regexp], or --insecure-skip-verify");
  }
}
