package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.oci.LayoutReference;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.OciReference;
import dev.spo.oci.OciRepository;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.SignatureSubject;
import dev.spo.oci.sign.SignatureVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify the signature of an artifact without pulling its profile.",
        "Exits 0 when a signature satisfies the flags, 1 when none does (each rejected candidate is listed)."})
final class VerifyCommand extends SpocCommand {
  @Parameters(paramLabel = "REF", description = "Registry reference or oci-layout:DIR[:TAG|@DIGEST].")
  String reference = "";

  @Mixin VerifyOptions verify = new VerifyOptions();
  @Mixin RegistryOptions registry = new RegistryOptions();

  @Override
  int run() {
    if (verify.insecureSkipVerify) {
      throw CliException.usage("verify with --insecure-skip-verify checks nothing");
    }
    if (!verify.anyVerificationFlag()) {
      throw CliException.usage("verify needs --key PEM, or --certificate-identity[-regexp], --certificate-oidc-issuer[-regexp] and --trusted-root");
    }
    var verifier = verify.verifier();
    try (OciAccess oci = new OciAccess(registry, SignaturePolicy::unconfigured)) {
      OciProfiles profiles = oci.forReference(reference);
      OciRepository repo = profiles.repository(reference);
      ManifestContent m = SignCommand.resolve(repo, reference);
      OciReference pinned = LayoutReference.isLayoutReference(reference) ? null : OciReference.parse(reference).withDigest(m.digest());
      SignatureSubject subject = new SignatureSubject(reference, repo.location(), pinned, m.digest(), m.mediaType());
      SignatureVerification v = verifier.verifyDetailed(subject, repo);
      out().println("verified " + repo.location() + "@" + v.digest());
      out().println("  signer:  " + v.signer() + (v.issuer() == null ? "" : " (issuer " + v.issuer() + ")"));
      out().println("  scheme:  " + v.scheme().name().toLowerCase(java.util.Locale.ROOT) + (v.keyless() ? ", keyless" : ", key"));
      out().println("  source:  " + v.source());
      if (v.signedAt() != null) {
        out().println("  signed:  " + v.signedAt());
      }
      for (SignatureVerification.Rejection r : v.rejected()) {
        out().println("  rejected " + r);
      }
    }
    return 0;
  }
}
