package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Signing flags of push and sign. */
final class SigningOptions {
  @Option(names = "--sign-key", paramLabel = "PEM", description = "Sign with this private key (PEM, PKCS#8).")
  @Nullable Path signKey;

  @Option(names = "--fulcio-url", paramLabel = "URL", description = "Keyless: Fulcio URL.")
  @Nullable String fulcioUrl;

  @Option(names = "--rekor-url", paramLabel = "URL", description = "Keyless: Rekor URL.")
  @Nullable String rekorUrl;

  @Option(names = "--identity-token", paramLabel = "JWT", description = "Keyless: OIDC identity token (default: $SIGSTORE_ID_TOKEN).")
  @Nullable String identityToken;

  boolean anySigningFlag() {
    return signKey != null || fulcioUrl != null || rekorUrl != null || identityToken != null;
  }

  @Nullable String identityToken() {
    if (identityToken != null) {
      return identityToken;
    }
    String env = System.getenv("SIGSTORE_ID_TOKEN");
    return env == null || env.isEmpty() ? null : env;
  }

  /** Fails until the signature module is wired in. */
  void requireAvailable() {
    throw CliException.usage("signing (--sign-key, keyless) is not available yet in this build; use --no-sign");
  }
}
