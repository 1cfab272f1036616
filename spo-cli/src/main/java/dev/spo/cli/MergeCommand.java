package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ExitCodes;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.apparmor.AppArmorMerger;
import dev.spo.apparmor.AppArmorProfile;
import dev.spo.core.Profile;
import dev.spo.core.compose.MergeStrategy;
import dev.spo.core.compose.SyscallMerger;
import dev.spo.core.seccomp.SeccompProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", aliases = "m", mixinStandardHelpOptions = true,
    description = {"Merge profiles of one kind into the first (union), as SPO's spoc merge does.",
        "SeccompProfile and AppArmorProfile are supported. With --check, exit 1 (and print the merge",
        "on stderr) when the first profile is not already the merge of all."})
final class MergeCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Profiles; the first is the base.")
  List<Path> files = List.of();

  @Option(names = {"-o", "--output-file"}, paramLabel = "OUT", description = "Write the merged YAML here (atomically, mode 0600 as SPO).")
  @Nullable Path output;

  @Option(names = {"-c", "--check"}, description = "Only check that the first profile is up to date.")
  boolean check;

  @Override
  int run() {
    List<Profile> profiles = new ArrayList<>();
    for (Path f : files) {
      profiles.add(ProfileIo.read(codec(), f));
    }
    String kind = profiles.get(0).kind();
    for (int i = 1; i < profiles.size(); i++) {
      if (!profiles.get(i).kind().equals(kind)) {
        throw CliException.usage("cannot merge a " + profiles.get(i).kind() + " (" + files.get(i) + ") into a " + kind);
      }
    }
    Profile merged;
    Profile normalizedFirst;
    if (profiles.get(0) instanceof SeccompProfile first) {
      List<SeccompProfile> seccomp = profiles.stream().map(SeccompProfile.class::cast).toList();
      merged = SyscallMerger.mergeProfiles(MergeStrategy.UNION, seccomp);
      normalizedFirst = first.withSpec(first.spec().withSyscalls(SyscallMerger.normalize(first.spec().syscalls())));
      merged = ((SeccompProfile) merged).withSpec(((SeccompProfile) merged).spec()
          .withSyscalls(SyscallMerger.normalize(((SeccompProfile) merged).spec().syscalls())));
    } else if (profiles.get(0) instanceof AppArmorProfile first) {
      AppArmorProfile[] rest = profiles.subList(1, profiles.size()).toArray(new AppArmorProfile[0]);
      merged = AppArmorMerger.union(first, rest);
      normalizedFirst = AppArmorMerger.union(first);
    } else {
      throw CliException.usage("merging " + kind + " is not supported (SeccompProfile, AppArmorProfile)");
    }
    String yaml = codec().toYaml(merged);
    if (check) {
      if (codec().toYaml(normalizedFirst).equals(yaml)) {
        out().println("Base profile is up-to-date.");
        return ExitCodes.OK;
      }
      err().println("spoc: base profile " + files.get(0) + " is outdated; the merge is:");
      err().print(yaml);
      err().flush();
      return ExitCodes.CHECK_FAILED;
    }
    ProfileIo.write(out(), output, yaml, "rw-------");
    return ExitCodes.OK;
  }
}
