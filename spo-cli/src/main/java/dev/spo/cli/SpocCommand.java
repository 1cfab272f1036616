package dev.spo.cli;

import dev.spo.core.codec.ProfileCodec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shared plumbing of the commands: streams, the codec, and the exit code contract. */
abstract class SpocCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private @org.jspecify.annotations.Nullable ProfileCodec codec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  ProfileCodec codec() {
    ProfileCodec c = codec;
    if (c == null) {
      c = ProfileCodec.defaults();
      codec = c;
    }
    return c;
  }

  /** A warning on stderr in the same shape as errors. */
  void warn(String message) {
    err().println("spoc: warning: " + message);
    err().flush();
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Runs the command; returns 0 or 1, throws for errors (mapped to exit codes by {@link Spoc}). */
  abstract int run() throws Exception;
}
