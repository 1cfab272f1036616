package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.oci.LayoutReference;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.OciLimits;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.OciReference;
import dev.spo.oci.OciRepository;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.SignedArtifact;
import dev.spo.oci.sign.SigningOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
    description = {"Sign an artifact already in a registry or OCI layout (cosign-compatible: a legacy .sig",
        "layer and a Sigstore bundle referrer), with a key (--sign-key) or keyless."})
final class SignCommand extends SpocCommand {
  @Parameters(paramLabel = "REF", description = "Registry reference or oci-layout:DIR[:TAG|@DIGEST].")
  String reference = "";

  @Mixin SignFlags signing = new SignFlags();
  @Mixin RegistryOptions registry = new RegistryOptions();

  @Override
  int run() throws Exception {
    ArtifactSigner signer = signing.signer();
    try (OciAccess oci = new OciAccess(registry, SignaturePolicy::unconfigured)) {
      OciProfiles profiles = oci.forReference(reference);
      OciRepository repo = profiles.repository(reference);
      ManifestContent m = resolve(repo, reference);
      printSigned(out(), signer.sign(repo, m.digest(), SigningOptions.defaults()));
    } finally {
      if (signer instanceof AutoCloseable c) {
        c.close();
      }
    }
    return 0;
  }

  /** The manifest a reference names now (tag resolved once, digest checked by the reader). */
  static ManifestContent resolve(OciRepository repo, String reference) {
    String id;
    try {
      id = LayoutReference.isLayoutReference(reference)
          ? LayoutReference.parse(reference).identifier()
          : OciReference.parse(reference).identifier();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
    return repo.manifest(id, OciLimits.DEFAULTS.maxManifestBytes())
        .orElseThrow(() -> CliException.usage(reference + ": no such tag or digest"));
  }

  static void printSigned(PrintWriter out, SignedArtifact s) {
    out.println("signed " + s.location() + "@" + s.digest() + " as " + s.signer());
    for (SignedArtifact.Published p : s.published()) {
      out.println("  " + p.format().name().toLowerCase(java.util.Locale.ROOT) + " " + p.tag() + " " + p.manifestDigest());
    }
    out.flush();
  }
}
