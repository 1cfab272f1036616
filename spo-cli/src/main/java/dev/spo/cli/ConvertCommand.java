package dev.spo.cli;

import dev.spo.apparmor.AppArmorGenerator;
import dev.spo.apparmor.AppArmorProfile;
import dev.spo.cli.internal.Arches;
import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.core.codec.DockerProfiles;
import dev.spo.core.codec.DockerTarget;
import dev.spo.core.compose.DirectoryProfileResolver;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.seccomp.SeccompSpec;
import dev.spo.selinux.CilTranslator;
import dev.spo.selinux.RawSelinuxProfile;
import dev.spo.selinux.SelinuxProfile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", aliases = "c", mixinStandardHelpOptions = true,
    description = {"Convert a profile between formats:",
        "  yaml          SPO CRD YAML (e.g. from runtime-spec JSON or a flattened Docker profile)",
        "  runtime-json  OCI runtime-spec LinuxSeccomp JSON (seccomp)",
        "  apparmor      AppArmor profile text (AppArmorProfile)",
        "  cil           SELinux CIL (SelinuxProfile, RawSelinuxProfile; inherited profiles from the file's directory)",
        "With --from docker, a Docker/moby profile (archMap, includes/excludes) is flattened first."})
final class ConvertCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", description = "The profile.")
  Path file = Path.of("");

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "yaml, runtime-json, apparmor or cil.")
  String to = "";

  @Option(names = "--from", paramLabel = "FORMAT", description = "Input format: detected (default) or docker.")
  @Nullable String from;

  @Option(names = "--arch", paramLabel = "ARCH", description = "Docker: architecture to flatten for (amd64/x86_64, arm64/aarch64, ...; default ${DEFAULT-VALUE}).")
  String arch = "amd64";

  @Option(names = "--caps", paramLabel = "CAP", split = ",",
      description = "Docker: capabilities of the container (default: Docker's default set).")
  @Nullable List<String> caps;

  @Option(names = "--kernel", paramLabel = "X.Y", description = "Docker: kernel version for minKernel (default ${DEFAULT-VALUE}).")
  String kernel = "6.1";

  @Option(names = {"-o", "--output-file"}, paramLabel = "OUT", description = "Write here (atomically) instead of stdout.")
  @Nullable Path output;

  @Option(names = {"-p", "--program-name"}, paramLabel = "NAME", description = "AppArmor: profile name to use (default: the CRD name).")
  @Nullable String programName;

  @Override
  int run() {
    Profile p = read();
    String text = switch (to) {
      case "yaml" -> codec().toYaml(p);
      case "runtime-json" -> {
        if (!(p instanceof SeccompProfile s)) {
          throw CliException.usage("--to runtime-json needs a seccomp profile, " + file + " is a " + p.kind());
        }
        yield codec().toRuntimeJson(s.spec(), true);
      }
      case "apparmor" -> {
        if (!(p instanceof AppArmorProfile a)) {
          throw CliException.usage("--to apparmor needs an AppArmorProfile, " + file + " is a " + p.kind());
        }
        AppArmorProfile named = programName == null ? a : new AppArmorProfile(a.metadata().withName(programName), a.spec(), a.status());
        yield AppArmorGenerator.generate(named);
      }
      case "cil" -> {
        CilTranslator t = CilTranslator.builder().resolver(DirectoryProfileResolver.of(parentDir())).build();
        if (p instanceof SelinuxProfile s) {
          yield t.translate(s).cil();
        } else if (p instanceof RawSelinuxProfile r) {
          yield t.translate(r).cil();
        }
        throw CliException.usage("--to cil needs a SelinuxProfile or RawSelinuxProfile, " + file + " is a " + p.kind());
      }
      default -> throw CliException.usage("unknown --to '" + to + "' (yaml, runtime-json, apparmor, cil)");
    };
    ProfileIo.write(out(), output, text.endsWith("\n") ? text : text + "\n", ProfileIo.FILE_MODE);
    return 0;
  }

  private Path parentDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private Profile read() {
    if (from == null || from.equals("detected")) {
      return ProfileIo.read(codec(), file);
    }
    if (!from.equals("docker")) {
      throw CliException.usage("unknown --from '" + from + "' (docker)");
    }
    DockerTarget target;
    try {
      if (caps == null) {
        target = DockerTarget.dockerDefaults(Arches.goName(arch), kernel);
      } else {
        Set<String> set = new LinkedHashSet<>(caps);
        set.remove("");
        target = DockerTarget.of(Arches.goName(arch), set, kernel);
      }
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
    SeccompSpec spec = DockerProfiles.flatten(ProfileIo.requireFile(file), target);
    String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return SeccompProfile.of(name, spec);
  }
}
