package dev.spo.core.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes files so that readers see either the old content or the new, never a partial file: the
 * bytes go to a temporary file in the same directory, are flushed to disk, and the file is renamed
 * over the target.
 */
public final class ProfileFiles {
  private ProfileFiles() {}

  /** Writes {@code text} as UTF-8; see {@link #writeAtomically(Path, byte[], String)}. */
  public static boolean writeAtomically(Path target, String text, String posixPermissions) {
    return writeAtomically(target, text.getBytes(StandardCharsets.UTF_8), posixPermissions);
  }

  /**
   * Replaces {@code target} with {@code content} atomically, creating parent directories.
   *
   * @param posixPermissions e.g. {@code rw-r--r--}; ignored on file systems without POSIX modes
   * @return false when the file already had exactly this content (nothing was written), as SPO's
   *     daemon writes only when bytes differ
   * @throws ProfileWriteException when the file cannot be written; the target is then unchanged
   */
  public static boolean writeAtomically(Path target, byte[] content, String posixPermissions) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString(posixPermissions);
    Path temp = null;
    try {
      if (Files.isRegularFile(absolute) && Files.size(absolute) == content.length
          && Arrays.equals(Files.readAllBytes(absolute), content)) {
        return false;
      }
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, perms);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return true;
    } catch (FileAlreadyExistsException e) {
      throw new ProfileWriteException(absolute, "a directory is in the way", e);
    } catch (IOException e) {
      throw new ProfileWriteException(absolute, String.valueOf(e.getMessage()), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The original failure is what the caller needs to see.
        }
      }
    }
  }
}
