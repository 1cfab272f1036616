package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ExitCodes;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.core.compose.ProfileDiff;
import dev.spo.core.compose.SyscallDiff;
import dev.spo.core.seccomp.SeccompAction;
import dev.spo.core.seccomp.SeccompProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Per-syscall differences between two seccomp profiles, after normalization",
        "('+' only in B, '-' only in A, '~' changed). Exits 1 when they differ."})
final class DiffCommand extends SpocCommand {
  @Parameters(index = "0", paramLabel = "A", description = "The first profile.")
  Path a = Path.of("");

  @Parameters(index = "1", paramLabel = "B", description = "The second profile.")
  Path b = Path.of("");

  @Override
  int run() {
    SeccompProfile pa = seccomp(a);
    SeccompProfile pb = seccomp(b);
    ProfileDiff d = ProfileDiff.diff(pa, pb);
    List<String> lines = new ArrayList<>();
    if (d.defaultActionChanged() || !Objects.equals(pa.spec().defaultErrnoRet(), pb.spec().defaultErrnoRet())) {
      lines.add("~ defaultAction " + describe(d.defaultActionBefore(), pa.spec().defaultErrnoRet())
          + " -> " + describe(d.defaultActionAfter(), pb.spec().defaultErrnoRet()));
    }
    for (SyscallDiff s : d.syscalls()) {
      lines.add(s.toString());
    }
    lines.forEach(out()::println);
    return lines.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  private static String describe(@org.jspecify.annotations.Nullable SeccompAction action, @org.jspecify.annotations.Nullable Integer errno) {
    String s = action == null ? "(none)" : action.wireName();
    return errno == null ? s : s + "(" + errno + ")";
  }

  private SeccompProfile seccomp(Path file) {
    Profile p = ProfileIo.read(codec(), file);
    if (!(p instanceof SeccompProfile s)) {
      throw CliException.usage(file + ": diff compares seccomp profiles, this is a " + p.kind());
    }
    return s;
  }
}
