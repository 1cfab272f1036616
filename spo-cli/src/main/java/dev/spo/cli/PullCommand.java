package dev.spo.cli;

import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.oci.ArtifactFormat;
import dev.spo.oci.Platform;
import dev.spo.oci.PullOptions;
import dev.spo.oci.PullResult;
import dev.spo.oci.VerificationResult;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", aliases = "l", mixinStandardHelpOptions = true,
    description = {"Pull a profile artifact, verify its signature, and write the profile",
        "(YAML; runtime-spec JSON for KEP-6061 artifacts) to stdout or -o."})
final class PullCommand extends SpocCommand {
  @Parameters(paramLabel = "REF", description = "Registry reference or oci-layout:DIR[:TAG|@DIGEST].")
  String reference = "";

  @Option(names = {"-p", "--platform", "--platforms"}, paramLabel = "os/arch[/variant]", description = "Platform to pull (default: this machine's).")
  @Nullable String platform;

  @Option(names = {"-o", "--output-file"}, paramLabel = "OUT", description = "Write here (atomically, 0644) instead of stdout.")
  @Nullable Path output;

  @Mixin RegistryOptions registry = new RegistryOptions();
  @Mixin VerifyOptions verify = new VerifyOptions();

  @Override
  int run() {
    Platform p = platform == null ? Platform.current() : PushCommand.parsePlatform(platform);
    PullResult r;
    try (OciAccess oci = OciAccess.verifying(registry, verify)) {
      r = oci.forReference(reference).pull(reference, PullOptions.defaults().withPlatform(p));
    }
    String text = r.format() == ArtifactFormat.SECCOMP_RUNTIME && r.profile() instanceof SeccompProfile s
        ? codec().toRuntimeJson(s.spec(), true)
        : codec().toYaml(r.profile());
    ProfileIo.write(out(), output, text, ProfileIo.FILE_MODE);
    VerificationResult v = r.verification();
    err().println("spoc: pulled " + r.reference() + " " + r.digest()
        + (r.platform() == null ? "" : " (" + r.platform() + ")")
        + ", signature " + (v.status() == VerificationResult.Status.VERIFIED ? "verified (" + v.signer() + ")" : "NOT verified"));
    err().flush();
    return 0;
  }
}
