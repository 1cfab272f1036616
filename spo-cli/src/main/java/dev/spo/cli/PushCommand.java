package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.oci.ArtifactFormat;
import dev.spo.oci.OciProfiles;
import dev.spo.oci.Platform;
import dev.spo.oci.PushRequest;
import dev.spo.oci.PushResult;
import dev.spo.oci.SignaturePolicy;
import dev.spo.oci.sign.ArtifactSigner;
import dev.spo.oci.sign.SigningOptions;
import dev.spo.oci.sign.SigningPushes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "push", aliases = "p", mixinStandardHelpOptions = true,
    description = {"Push profiles as an OCI artifact to a registry or an OCI layout (oci-layout:DIR[:TAG]), and sign it.",
        "One -f without -p is platform-independent; otherwise give one -p per -f, in the same order."})
final class PushCommand extends SpocCommand {
  @Parameters(paramLabel = "REF", description = "Registry reference (REGISTRY/REPO:TAG) or oci-layout:DIR[:TAG].")
  String reference = "";

  @Option(names = {"-f", "--profiles"}, required = true, paramLabel = "FILE", description = "Profile file (repeatable).")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-p", "--platforms", "--platform"}, paramLabel = "os/arch[/variant]", description = "Platform of the matching -f (repeatable).")
  List<String> platforms = new ArrayList<>();

  @Option(names = {"-a", "--annotations"}, paramLabel = "KEY:VALUE", description = "Manifest annotation (repeatable); splits on the first colon.")
  List<String> annotations = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "spo (default, SPO's layout) or runtime (KEP-6061 runtime-spec JSON).")
  String format = "spo";

  @Option(names = "--no-sign", description = "Push without signing.")
  boolean noSign;

  @Mixin SignFlags signing = new SignFlags();
  @Mixin RegistryOptions registry = new RegistryOptions();

  @Override
  int run() throws Exception {
    ArtifactFormat fmt = switch (format) {
      case "spo" -> ArtifactFormat.SPO;
      case "runtime" -> ArtifactFormat.SECCOMP_RUNTIME;
      default -> throw CliException.usage("unknown --format '" + format + "' (spo, runtime)");
    };
    // Decide about signing before anything is uploaded: a push that cannot be signed as asked
    // must not leave an unsigned artifact behind.
    if (noSign) {
      if (signing.anySigningFlag()) {
        throw CliException.usage("--no-sign cannot be combined with signing flags");
      }
    } else if (!signing.wantsSignature()) {
      throw CliException.usage("push signs the artifact: give --sign-key PEM (or keyless --identity-token), or --no-sign");
    }
    PushRequest.Builder b = PushRequest.builder().format(fmt);
    if (platforms.isEmpty()) {
      if (files.size() > 1) {
        throw CliException.usage("several profiles need one --platform each");
      }
      b.profile(ProfileIo.read(codec(), files.get(0)));
    } else {
      if (platforms.size() != files.size()) {
        throw CliException.usage(files.size() + " profiles but " + platforms.size() + " platforms: give one --platform per --profiles");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < files.size(); i++) {
        Platform p = parsePlatform(platforms.get(i));
        if (!seen.add(p.toString())) {
          throw CliException.usage("platform given twice: " + p);
        }
        Profile profile = ProfileIo.read(codec(), files.get(i));
        b.profile(p, profile);
      }
    }
    for (String a : annotations) {
      int colon = a.indexOf(':');
      if (colon <= 0) {
        throw CliException.usage("annotation must be KEY:VALUE, got '" + a + "'");
      }
      b.annotation(a.substring(0, colon), a.substring(colon + 1));
    }
    PushRequest request = b.build();
    // The signer is built (key read, token present) before anything is uploaded: a push that
    // cannot be signed as asked must not leave an unsigned artifact behind.
    @org.jspecify.annotations.Nullable ArtifactSigner signer = noSign ? null : signing.signer();
    // Pushing reads nothing back, so no signature policy is needed for the push itself.
    try (OciAccess oci = new OciAccess(registry, SignaturePolicy::unconfigured)) {
      OciProfiles profiles = oci.forReference(reference);
      if (signer == null) {
        PushResult r = profiles.push(reference, request);
        out().println("pushed " + r.reference() + " (tag " + r.tag() + ", " + r.size() + " bytes, unsigned)");
      } else {
        SigningPushes.SignedPush sp = SigningPushes.pushAndSign(profiles, reference, request, signer, SigningOptions.defaults());
        out().println("pushed " + sp.push().reference() + " (tag " + sp.push().tag() + ", " + sp.push().size() + " bytes)");
        SignCommand.printSigned(out(), sp.signature());
      }
    } finally {
      if (signer instanceof AutoCloseable c) {
        c.close();
      }
    }
    return 0;
  }

  static Platform parsePlatform(String text) {
    try {
      return Platform.parse(text);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
  }
}
