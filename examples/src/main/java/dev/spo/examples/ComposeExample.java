package dev.spo.examples;

import dev.spo.core.SpoException;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.compose.ComposedProfile;
import dev.spo.core.compose.DirectoryProfileResolver;
import dev.spo.core.compose.ProfileComposer;
import dev.spo.core.compose.ResolutionStep;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.core.validate.ProfileValidator;
import dev.spo.core.validate.ValidationResult;
import dev.spo.core.validate.Violation;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Reads a SeccompProfile, composes it with its base profiles found in a directory, validates the
 * result and prints it as YAML, preceded by the resolution chain as comments.
 */
public final class ComposeExample {
  private ComposeExample() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ComposeExample PROFILE.yaml BASES_DIR");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out, System.err));
  }

  static int run(Path profileFile, Path basesDir, PrintStream out, PrintStream err) {
    try {
      ProfileCodec codec = ProfileCodec.defaults();
      SeccompProfile profile = codec.read(profileFile, SeccompProfile.class);
      ProfileComposer composer =
          ProfileComposer.builder().resolver(DirectoryProfileResolver.of(basesDir)).build();
      ComposedProfile composed = composer.compose(profile);

      out.println("# " + profile.name() + " composed with " + composed.strategy() + " from:");
      for (ResolutionStep step : composed.chain()) {
        out.println("#   " + "  ".repeat(step.level() - 1) + "-> " + step.name() + " (" + step.origin() + ")");
      }
      ValidationResult validation = ProfileValidator.defaults().validate(composed.profile());
      for (Violation v : validation.violations()) {
        err.println(v);
      }
      out.print(codec.toYaml(composed.annotatedProfile()));
      return validation.valid() ? 0 : 1;
    } catch (SpoException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
