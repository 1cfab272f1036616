package dev.spo.cli;

import dev.spo.cli.internal.Arches;
import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.CompiledFilter;
import dev.spo.seccomp.SeccompCompiler;
import dev.spo.seccomp.SyscallTable;
import dev.spo.seccomp.bpf.BpfVerdict;
import dev.spo.seccomp.bpf.FilterAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile a seccomp profile to classic BPF with libseccomp (runc semantics by default).",
        "A profile with baseProfileName is composed first (same flags as compose).",
        "Formats: raw (struct sock_filter[]), base64 (crun's annotation), pfc (libseccomp's listing),",
        "disasm (pure-Java disassembly), stats (length, arches, ignored syscalls, instructions per syscall)."})
final class CompileCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", description = "The seccomp profile.")
  Path file = Path.of("");

  @Option(names = "--arch", paramLabel = "ARCH",
      description = "Target architecture (repeatable); the filter covers exactly these. Default: the profile's plus this machine's.")
  List<String> arches = new ArrayList<>();

  @Option(names = "--optimize", paramLabel = "MODE", description = "auto (default: tree above 32 rules, as runc), linear or tree.")
  String optimize = "auto";

  @Option(names = "--enosys-stub", description = "Prepend runc's ENOSYS stub for syscalls newer than the profile knows.")
  boolean enosysStub;

  @Option(names = "--crun", description = "crun semantics instead of runc's.")
  boolean crun;

  @Option(names = "--fail-unknown", description = "Fail on syscall names libseccomp does not know (default: ignore and list them).")
  boolean failUnknown;

  @Option(names = "--format", paramLabel = "FORMAT", description = "raw, base64, pfc, disasm or stats (default ${DEFAULT-VALUE}).")
  String format = "stats";

  @Option(names = {"-o", "--output-file"}, paramLabel = "OUT", description = "Write here (atomically) instead of stdout.")
  @Nullable Path output;

  @Mixin ComposeOptions compose = new ComposeOptions();
  @Mixin RegistryOptions registry = new RegistryOptions();
  @Mixin VerifyOptions verify = new VerifyOptions();

  @Override
  int run() {
    if (!List.of("raw", "base64", "pfc", "disasm", "stats").contains(format)) {
      throw CliException.usage("unknown --format '" + format + "' (raw, base64, pfc, disasm, stats)");
    }
    CompileOptions.Builder b = (crun ? CompileOptions.crun() : CompileOptions.defaults()).toBuilder();
    b.optimization(switch (optimize) {
      case "auto" -> CompileOptions.Optimization.AUTO;
      case "linear" -> CompileOptions.Optimization.LINEAR;
      case "tree" -> CompileOptions.Optimization.BINARY_TREE;
      default -> throw CliException.usage("unknown --optimize '" + optimize + "' (auto, linear, tree)");
    });
    List<SeccompArch> targets = arches.stream().map(Arches::parse).toList();
    b.targetArchitectures(targets).enosysStub(enosysStub).exportPfc(format.equals("pfc"));
    if (failUnknown) {
      b.unknownSyscalls(CompileOptions.UnknownSyscalls.FAIL);
    }
    SeccompProfile profile = compose.readComposed(codec(), file, registry, verify);
    // libseccomp silently keeps one of two conflicting rules; report the profile as invalid instead.
    dev.spo.core.validate.ProfileValidator.defaults().validate(profile).orThrow();
    CompiledFilter f = SeccompCompiler.create().compile(profile, b.build());
    switch (format) {
      case "raw" -> ProfileIo.writeBytes(out(), output, f.bytes());
      case "base64" -> ProfileIo.write(out(), output, f.base64() + "\n", ProfileIo.FILE_MODE);
      case "pfc" -> ProfileIo.write(out(), output, String.valueOf(f.pfc()), ProfileIo.FILE_MODE);
      case "disasm" -> ProfileIo.write(out(), output, f.program().disassemble(), ProfileIo.FILE_MODE);
      default -> ProfileIo.write(out(), output, stats(profile, f), ProfileIo.FILE_MODE);
    }
    return 0;
  }

  /**
   * Length, architectures, ignored names, and for each architecture the instructions the filter
   * runs per syscall (over every syscall number libseccomp knows there, arguments zero) and the
   * verdicts it gives them.
   */
  static String stats(SeccompProfile profile, CompiledFilter f) {
    StringBuilder sb = new StringBuilder();
    sb.append("profile:       ").append(profile.name()).append('\n');
    sb.append("instructions:  ").append(f.length()).append(" (").append(f.bytes().length).append(" bytes");
    if (f.enosysStubLength() > 0) {
      sb.append(", ENOSYS stub ").append(f.enosysStubLength());
    }
    sb.append(")\n");
    sb.append("layout:        ").append(f.optimization().name().toLowerCase(java.util.Locale.ROOT))
        .append(", ").append(f.ruleCount()).append(" rules, libseccomp ").append(f.libseccompVersion()).append('\n');
    sb.append("architectures: ").append(String.join(", ", f.architectures().stream().map(Arches::shortName).toList())).append('\n');
    sb.append("ignored:       ").append(f.ignoredSyscalls().isEmpty() ? "none" : String.join(", ", f.ignoredSyscalls())).append('\n');
    for (SeccompArch arch : f.architectures()) {
      SyscallTable table = SyscallTable.of(arch);
      List<Integer> counts = new ArrayList<>();
      Map<String, Integer> verdicts = new TreeMap<>();
      for (int nr : knownNumbers(table)) {
        BpfVerdict v = f.program().evaluate(table.token(), nr);
        counts.add(v.instructionsExecuted());
        verdicts.merge(FilterAction.describe(v.returnValue()), 1, Integer::sum);
      }
      int[] sorted = counts.stream().mapToInt(Integer::intValue).sorted().toArray();
      sb.append(Arches.shortName(arch)).append(": ").append(sorted.length).append(" syscalls, instructions min/median/max ");
      if (sorted.length == 0) {
        sb.append("-\n");
        continue;
      }
      sb.append(sorted[0]).append('/').append(median(sorted)).append('/').append(sorted[sorted.length - 1]);
      sb.append(", verdicts ");
      List<String> parts = new ArrayList<>();
      verdicts.forEach((k, n) -> parts.add(k + " " + n));
      sb.append(String.join(", ", parts)).append('\n');
    }
    return sb.toString();
  }

  private static String median(int[] sorted) {
    int n = sorted.length;
    if (n % 2 == 1) {
      return Integer.toString(sorted[n / 2]);
    }
    int sum = sorted[n / 2 - 1] + sorted[n / 2];
    return sum % 2 == 0 ? Integer.toString(sum / 2) : (sum / 2) + ".5";
  }

  // Syscall numbers start at 0 on most architectures; x32 sets bit 30, the MIPS ABIs start at
  // 4000/5000/6000. 1024 numbers above each base cover every table libseccomp has.
  private static int[] knownNumbers(SyscallTable table) {
    List<Integer> nrs = new ArrayList<>();
    for (int base : new int[] {0, 4000, 5000, 6000, 0x40000000}) {
      for (int nr = base; nr < base + 1024; nr++) {
        if (table.name(nr).isPresent()) {
          nrs.add(nr);
        }
      }
      if (!nrs.isEmpty()) {
        break;
      }
    }
    return nrs.stream().mapToInt(Integer::intValue).toArray();
  }
}
