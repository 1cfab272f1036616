package dev.spo.core.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory holding the input files of one tool run, removed on
 * {@link #close()}. Failures to create it or to write into it are
 * {@link ToolExecutionException}s with {@link ToolExecutionException.Reason#IO}; a failure to
 * remove it is logged, so it never hides the outcome of the run.
 */
public final class ToolWorkspace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ToolWorkspace.class);

  private final String tool;
  private final Path dir;

  private ToolWorkspace(String tool, Path dir) {
    this.tool = tool;
    this.dir = dir;
  }

  /** Creates the directory; {@code tool} names the program in errors and in the directory name. */
  public static ToolWorkspace create(String tool) {
    try {
      return new ToolWorkspace(tool, Files.createTempDirectory("spo-" + tool.replaceAll("[^A-Za-z0-9]", "") + "-"));
    } catch (IOException e) {
      throw new ToolExecutionException(
          ToolExecutionException.Reason.IO, List.of(tool), null, "", "creating a temporary directory for " + tool, e);
    }
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** Writes {@code text} as UTF-8 to {@code fileName} inside the directory and returns its path. */
  public Path write(String fileName, String text) {
    Path file = dir.resolve(fileName);
    if (!file.getParent().equals(dir)) {
      throw new IllegalArgumentException("not a plain file name: " + fileName);
    }
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolExecutionException(
          ToolExecutionException.Reason.IO, List.of(tool), null, "", "writing " + fileName + " for " + tool, e);
    }
  }

  /** Removes the directory and everything in it. */
  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove the temporary directory {}: {}", dir, e.toString());
    }
  }
}
