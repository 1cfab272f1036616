package dev.spo.seccomp;

import dev.spo.core.SpoException;
import org.jspecify.annotations.Nullable;

/**
 * libseccomp (or JNA's native support) could not be loaded, or the loaded library is too old.
 * The message names the library, the version found and how to install a suitable one.
 */
public final class NativeLibraryException extends SpoException {
  private static final long serialVersionUID = 1L;

  /** How to get a suitable libseccomp on Debian and Ubuntu. */
  public static final String INSTALL_HINT = "install it with: apt-get install libseccomp2 (Debian/Ubuntu), "
      + "dnf install libseccomp (Fedora/RHEL) or apk add libseccomp (Alpine)";

  private final String library;
  private final @Nullable LibseccompVersion versionFound;

  /**
   * @param library the library name that was loaded
   * @param versionFound the version found, null when the library could not be loaded at all
   * @param message what went wrong
   * @param cause the underlying linkage error, if any
   */
  public NativeLibraryException(
      String library, @Nullable LibseccompVersion versionFound, String message, @Nullable Throwable cause) {
    super(message + " (library " + library + ", version found: "
        + (versionFound == null ? "none" : versionFound) + "); " + INSTALL_HINT, cause);
    this.library = library;
    this.versionFound = versionFound;
  }

  /** The library name that was loaded, e.g. {@code libseccomp.so.2}. */
  public String library() {
    return library;
  }

  /** The version found, or null when the library could not be loaded. */
  public @Nullable LibseccompVersion versionFound() {
    return versionFound;
  }
}
