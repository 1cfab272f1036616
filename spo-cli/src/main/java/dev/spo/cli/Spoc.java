package dev.spo.cli;

import dev.spo.cli.internal.ExitCodes;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of {@code spoc}. Exit codes follow security-profiles-merger: 0 success, 1 a check
 * failed (invalid profile, profiles differ, signature not verified), 2 usage or runtime error.
 */
@Command(
    name = "spoc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Security profiles: validate, compose, merge, diff, convert, compile, emulate, push, pull, sign, verify, install.",
    subcommands = {
      VersionCommand.class,
      ValidateCommand.class,
      ComposeCommand.class,
      MergeCommand.class,
      DiffCommand.class,
      ConvertCommand.class,
      CompileCommand.class,
      EmulateCommand.class,
      PushCommand.class,
      PullCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      KeygenCommand.class,
      InstallCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Spoc implements Runnable {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and debug logging.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Spoc() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** Runs {@code spoc} and exits the JVM with its exit code. */
  public static void main(String[] args) {
    boolean debug = false;
    for (String a : args) {
      if (a.equals("--debug")) {
        debug = true;
      }
    }
    configureLogging(debug);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = execute(out, err, debug, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  static int execute(PrintWriter out, PrintWriter err, boolean debug, String... args) {
    CommandLine cl = new CommandLine(new Spoc());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(ExitCodes::forException);
    cl.setParameterExceptionHandler((ex, a) -> {
      String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
      ExitCodes.printError(err, ex, debug, " (see '" + cmd + " --help')");
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      ExitCodes.printError(err, ex, debug, "");
      return ExitCodes.forException(ex);
    });
    return cl.execute(args);
  }

  // The SDK logs through slf4j; the command line shows warnings (e.g. skipped signature
  // verification) on stderr without thread or logger names, and everything with --debug.
  private static void configureLogging(boolean debug) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", Boolean.toString(debug));
    setIfAbsent("org.slf4j.simpleLogger.showLogName", Boolean.toString(debug));
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
