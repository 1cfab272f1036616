package dev.spo.cli;

import dev.spo.cli.internal.Arches;
import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.seccomp.SeccompArch;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.seccomp.CompileOptions;
import dev.spo.seccomp.SeccompCompiler;
import dev.spo.seccomp.SyscallTable;
import dev.spo.seccomp.bpf.BpfProgram;
import dev.spo.seccomp.bpf.BpfVerdict;
import dev.spo.seccomp.bpf.FilterAction;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "emulate", mixinStandardHelpOptions = true,
    description = {"The verdict of a seccomp filter for one syscall, from the pure-Java BPF emulator, e.g. ERRNO(1).",
        "A profile is compiled as a node of architecture ARCH would load it (ARCH plus the profile's",
        "architectures); --bpf runs a raw filter as written by 'spoc compile --format raw'."})
final class EmulateCommand extends SpocCommand {
  static final class Input {
    @Parameters(paramLabel = "PROFILE", arity = "1", description = "A seccomp profile (composed first when it has a base).")
    @Nullable Path profile;

    @Option(names = "--bpf", paramLabel = "FILE", required = true, description = "A raw BPF program (struct sock_filter[]).")
    @Nullable Path bpf;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input = new Input();

  @Option(names = "--arch", required = true, paramLabel = "ARCH", description = "Architecture of the syscall (x86_64, aarch64, ...).")
  String arch = "";

  @Option(names = "--syscall", required = true, paramLabel = "NAME|NR", description = "Syscall name or number.")
  String syscall = "";

  @Option(names = "--arg", paramLabel = "N=V", description = "Argument N (0-5) has value V (decimal or 0x hex, 64-bit); repeatable.")
  List<String> argSpecs = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "Also print the syscall number and the instructions executed.")
  boolean verbose;

  @Mixin ComposeOptions compose = new ComposeOptions();
  @Mixin RegistryOptions registry = new RegistryOptions();
  @Mixin VerifyOptions verify = new VerifyOptions();

  @Override
  int run() {
    SeccompArch a = Arches.parse(arch);
    if (a == SeccompArch.NATIVE) {
      a = SyscallTable.nativeTable().architecture();
    }
    SyscallTable table = SyscallTable.of(a);
    int nr = syscallNumber(table);
    long[] args = args();
    BpfProgram program;
    if (input.bpf != null) {
      ByteOrder order = a.endianness() == SeccompArch.Endianness.BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      program = BpfProgram.parse(ProfileIo.readBytes(input.bpf), order);
    } else {
      SeccompProfile p = compose.readComposed(codec(), java.util.Objects.requireNonNull(input.profile), registry, verify);
      dev.spo.core.validate.ProfileValidator.defaults().validate(p).orThrow();
      Set<SeccompArch> targets = new LinkedHashSet<>();
      targets.add(a);
      for (SeccompArch pa : p.spec().architectures()) {
        if (pa != SeccompArch.NATIVE) {
          targets.add(pa);
        }
      }
      program = SeccompCompiler.create()
          .compile(p, CompileOptions.defaults().toBuilder().targetArchitectures(List.copyOf(targets)).build())
          .program();
    }
    BpfVerdict v = program.evaluate(table.token(), nr, args);
    String verdict = FilterAction.describe(v.returnValue());
    if (verbose) {
      String name = table.name(nr).orElse("?");
      out().println(verdict + "  (" + Arches.shortName(a) + " " + name + " = " + nr + ", "
          + v.instructionsExecuted() + " instructions)");
    } else {
      out().println(verdict);
    }
    return 0;
  }

  private int syscallNumber(SyscallTable table) {
    String s = syscall.trim();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw CliException.usage("syscall number out of range: " + s);
      }
    }
    return table.number(s).orElseThrow(() ->
        CliException.usage("unknown syscall '" + s + "' on " + Arches.shortName(table.architecture())));
  }

  private long[] args() {
    long[] args = new long[6];
    for (String spec : argSpecs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage("--arg must be N=V, got '" + spec + "'");
      }
      int index;
      try {
        index = Integer.parseInt(spec.substring(0, eq).trim());
      } catch (NumberFormatException e) {
        throw CliException.usage("--arg index must be 0-5, got '" + spec + "'");
      }
      if (index < 0 || index > 5) {
        throw CliException.usage("--arg index must be 0-5, got '" + spec + "'");
      }
      args[index] = parseValue(spec.substring(eq + 1).trim(), spec);
    }
    return args;
  }

  private static long parseValue(String v, String spec) {
    try {
      if (v.startsWith("0x") || v.startsWith("0X")) {
        return Long.parseUnsignedLong(v.substring(2), 16);
      }
      if (v.startsWith("-")) {
        return Long.parseLong(v);
      }
      return Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw CliException.usage("--arg value must be a 64-bit number, got '" + spec + "'");
    }
  }
}
