package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.cli.internal.SigningKeys;
import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.KeySigner;
import dev.spo.oci.sign.SigstoreKeylessSigner;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Signing flags of push and sign. */
final class SignFlags {
  @Option(names = "--sign-key", paramLabel = "PEM", description = "Sign with this ECDSA P-256 private key (PKCS#8 PEM, as 'spoc keygen' writes).")
  @Nullable Path signKey;

  @Option(names = "--fulcio-url", paramLabel = "URL", description = "Keyless: Fulcio URL (with --rekor-url and --trusted-root; default: public-good Sigstore).")
  @Nullable String fulcioUrl;

  @Option(names = "--rekor-url", paramLabel = "URL", description = "Keyless: Rekor URL.")
  @Nullable String rekorUrl;

  @Option(names = "--trusted-root", paramLabel = "FILE", description = "Keyless: trusted_root.json of the Fulcio/Rekor instance given by the URLs.")
  @Nullable Path trustedRoot;

  @Option(names = "--identity-token", paramLabel = "JWT", description = "Keyless: OIDC identity token (default: $SIGSTORE_ID_TOKEN).")
  @Nullable String identityToken;

  boolean anySigningFlag() {
    return signKey != null || fulcioUrl != null || rekorUrl != null || trustedRoot != null || identityToken != null;
  }

  boolean wantsSignature() {
    return anySigningFlag() || envToken() != null;
  }

  private static @Nullable String envToken() {
    String env = System.getenv("SIGSTORE_ID_TOKEN");
    return env == null || env.isEmpty() ? null : env;
  }

  /**
   * The signer the flags ask for; checked before anything is pushed. The caller closes it
   * (keyless signers hold connections).
   */
  ArtifactSigner signer() {
    if (signKey != null) {
      if (fulcioUrl != null || rekorUrl != null || trustedRoot != null || identityToken != null) {
        throw CliException.usage("--sign-key cannot be combined with keyless flags");
      }
      return KeySigner.of(SigningKeys.pairFromPrivateKey(ProfileIo.readText(signKey)));
    }
    SigstoreKeylessSigner.Builder b = SigstoreKeylessSigner.builder();
    if (fulcioUrl != null || rekorUrl != null || trustedRoot != null) {
      if (fulcioUrl == null || rekorUrl == null || trustedRoot == null) {
        throw CliException.usage("keyless signing against a private Sigstore needs --fulcio-url, --rekor-url and --trusted-root");
      }
      b.fulcioUrl(uri(fulcioUrl)).rekorUrl(uri(rekorUrl)).trustedRoot(ProfileIo.requireFile(trustedRoot));
    } else {
      b.publicGoodInstance();
    }
    String token = identityToken != null ? identityToken : envToken();
    if (token == null) {
      throw CliException.usage("keyless signing needs --identity-token or $SIGSTORE_ID_TOKEN (or use --sign-key)");
    }
    return b.identityToken(token).build();
  }

  private static URI uri(String s) {
    try {
      return URI.create(s);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("invalid URL: " + s);
    }
  }
}
