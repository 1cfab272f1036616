package dev.spo.cli.internal;

import dev.spo.core.Profile;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.codec.ProfileFiles;
import dev.spo.core.codec.ProfileParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reading profiles and writing command output. */
public final class ProfileIo {
  /** Mode of files spoc writes (what SPO's pull and node files use). */
  public static final String FILE_MODE = "rw-r--r--";

  private ProfileIo() {}

  /** Fails with a usage error (exit 2) when {@code file} is not a readable regular file. */
  public static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage("no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw CliException.usage("cannot read " + file);
    }
    return file;
  }

  /**
   * One profile from a file: an SPO CRD document (YAML or JSON, any kind the codec knows) or an
   * OCI runtime-spec seccomp JSON object, detected by content.
   */
  public static Profile read(ProfileCodec codec, Path file) {
    try {
      return codec.readDetected(requireFile(file));
    } catch (ProfileParseException e) {
      // The SDK's hint names its Java API; on the command line the same step is a flag.
      if (e.getMessage() != null && e.getMessage().contains("Docker/moby-format")) {
        throw new ProfileParseException(e.source(), e.profileName(), e.pointer(),
            "this is a Docker/moby-format profile (archMap, includes, excludes); flatten it first: "
                + "spoc convert " + file + " --from docker --arch ARCH --to yaml", e);
      }
      throw e;
    }
  }

  /** Writes {@code text} to {@code output} atomically, or to {@code out} when no file is given. */
  public static void write(PrintWriter out, @Nullable Path output, String text, String mode) {
    if (output == null) {
      out.print(text);
      out.flush();
    } else {
      ProfileFiles.writeAtomically(output, text, mode);
    }
  }

  /** Writes bytes to {@code output} atomically, or raw to standard output. */
  public static void writeBytes(PrintWriter out, @Nullable Path output, byte[] bytes) {
    if (output == null) {
      out.flush();
      try {
        OutputStream stdout = System.out;
        stdout.write(bytes);
        stdout.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      ProfileFiles.writeAtomically(output, bytes, FILE_MODE);
    }
  }

  /** Reads a whole file as UTF-8, failing with a usage error when it is missing. */
  public static String readText(Path file) {
    try {
      return Files.readString(requireFile(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Reads a whole file, failing with a usage error when it is missing. */
  public static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(requireFile(file));
    } catch (IOException e) {
      throw CliException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }
}
