package dev.spo.core.codec;

import dev.spo.core.SpoException;
import java.nio.file.Path;

/** A file could not be written; the previous content of the target, if any, is unchanged. */
public final class ProfileWriteException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public ProfileWriteException(Path path, String reason, Throwable cause) {
    super("cannot write " + path + ": " + reason, cause);
    this.path = path;
  }

  /** The file that was to be written. */
  public Path path() {
    return path;
  }
}
