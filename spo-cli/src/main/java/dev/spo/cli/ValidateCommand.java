package dev.spo.cli;

import dev.spo.cli.internal.ExitCodes;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileParseException;
import dev.spo.core.validate.ProfileValidator;
import dev.spo.core.validate.ValidationResult;
import dev.spo.core.validate.Violation;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validate profiles (any SPO kind, or runtime-spec seccomp JSON).",
        "Prints each violation with its JSON pointer; exits 1 when any profile has an error."})
final class ValidateCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Profiles to validate.")
  List<Path> files = List.of();

  @Override
  int run() {
    ProfileValidator validator = ProfileValidator.defaults();
    boolean failed = false;
    for (Path file : files) {
      Profile p;
      try {
        p = ProfileIo.read(codec(), file);
      } catch (ProfileParseException e) {
        out().println(file + ": invalid: " + ExitCodes.oneLine(e));
        failed = true;
        continue;
      }
      ValidationResult r = validator.validate(p);
      String head = file + ": " + p.kind() + " " + p.name();
      if (r.violations().isEmpty()) {
        out().println(head + ": valid");
        continue;
      }
      out().println(head + (r.valid() ? ": valid with warnings" : ": invalid"));
      for (Violation v : r.violations()) {
        out().println("  " + v.severity().name().toLowerCase(java.util.Locale.ROOT) + " "
            + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message());
      }
      failed |= !r.valid();
    }
    return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
