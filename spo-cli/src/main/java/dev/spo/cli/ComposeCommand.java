package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.compose.ResolutionStep;
import dev.spo.core.seccomp.SeccompProfile;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compose", mixinStandardHelpOptions = true,
    description = {"Resolve baseProfileName recursively and print the merged profile.",
        "The YAML carries SPO's syscalls annotation; the resolution chain (with digests) is printed as",
        "comments before it, or on stdout when -o writes the profile to a file."})
final class ComposeCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", description = "The seccomp profile to compose.")
  Path file = Path.of("");

  @Option(names = {"-o", "--output-file"}, paramLabel = "OUT", description = "Write the merged YAML here (atomically).")
  @Nullable Path output;

  @Mixin ComposeOptions compose = new ComposeOptions();
  @Mixin RegistryOptions registry = new RegistryOptions();
  @Mixin VerifyOptions verify = new VerifyOptions();

  @Override
  int run() {
    Profile p = ProfileIo.read(codec(), file);
    if (!(p instanceof SeccompProfile seccomp)) {
      throw CliException.usage(file + ": only SeccompProfile has base profiles to compose, this is a " + p.kind());
    }
    ComposedProfile composed;
    try (OciAccess oci = OciAccess.verifying(registry, verify)) {
      composed = compose.compose(seccomp, file, oci);
    }
    String yaml = codec().toYaml(composed.annotatedProfile());
    StringBuilder chain = new StringBuilder();
    chain.append("# composed ").append(seccomp.name()).append(" (")
        .append(composed.strategy().name().toLowerCase(java.util.Locale.ROOT)).append(", ")
        .append(composed.chain().size()).append(composed.chain().size() == 1 ? " base)\n" : " bases)\n");
    for (ResolutionStep s : composed.chain()) {
      chain.append("#   ").append(s.level()).append(' ').append(s.name())
          .append(" <- ").append(s.reference());
      if (!s.origin().equals(s.reference())) {
        chain.append(" from ").append(s.origin());
      }
      if (s.digest() != null && !s.origin().contains(s.digest())) {
        chain.append(" ").append(s.digest());
      }
      chain.append('\n');
    }
    if (output == null) {
      out().print(chain);
      out().print(yaml);
      out().flush();
    } else {
      ProfileIo.write(out(), output, yaml, ProfileIo.FILE_MODE);
      out().print(chain);
      out().flush();
    }
    return 0;
  }
}
