package dev.spo.seccomp;

/**
 * Version of the loaded libseccomp ({@code seccomp_version()}).
 *
 * @param major major version
 * @param minor minor version
 * @param micro micro version
 */
public record LibseccompVersion(int major, int minor, int micro) implements Comparable<LibseccompVersion> {

  @Override
  public int compareTo(LibseccompVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(micro, o.micro);
  }

  /** Whether this version is at least {@code other}. */
  public boolean atLeast(LibseccompVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + micro;
  }
}
