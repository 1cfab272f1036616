package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.core.codec.ProfileFiles;
import dev.spo.oci.sign.PublicKeys;
import dev.spo.oci.sign.SigningKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Generate an ECDSA P-256 signing key pair: DIR/cosign.key (PKCS#8, mode 0600) and DIR/cosign.pub.",
        "Use --sign-key DIR/cosign.key to sign and --key DIR/cosign.pub to verify."})
final class KeygenCommand extends SpocCommand {
  @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR", description = "Directory for the key files.")
  Path dir = Path.of(".");

  @Option(names = "--force", description = "Overwrite existing key files.")
  boolean force;

  @Override
  int run() {
    Path priv = dir.resolve("cosign.key");
    Path pub = dir.resolve("cosign.pub");
    if (!force && (Files.exists(priv) || Files.exists(pub))) {
      throw CliException.usage(priv + " or " + pub + " exists; pass --force to replace them");
    }
    SigningKeyPair pair = SigningKeyPair.generate();
    ProfileFiles.writeAtomically(priv, pair.privateKeyPem(), "rw-------");
    ProfileFiles.writeAtomically(pub, pair.publicKeyPem(), "rw-r--r--");
    out().println("wrote " + priv + " (private, keep it secret) and " + pub);
    out().println("fingerprint " + PublicKeys.fingerprint(PublicKeys.fromPem(pair.publicKeyPem())));
    return 0;
  }
}
