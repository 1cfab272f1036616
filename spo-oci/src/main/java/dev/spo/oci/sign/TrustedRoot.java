package dev.spo.oci.sign;

import dev.spo.oci.sign.internal.KeylessTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keyless trust material: a Sigstore {@code trusted_root.json} (certificate authorities, CT logs
 * and transparency logs). Works fully offline, for air-gapped and private Sigstore deployments
 * and for test PKIs. Immutable and thread-safe.
 */
public final class TrustedRoot {
  private final KeylessTrust trust;

  private TrustedRoot(KeylessTrust trust) {
    this.trust = trust;
  }

  /**
   * Reads a {@code trusted_root.json} file.
   *
   * @throws SignatureException when it cannot be read or is not a usable trusted root
   */
  public static TrustedRoot fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.size(file) > 4L << 20) {
        throw new SignatureException("trusted root " + file + " is larger than 4 MiB");
      }
      return fromJson(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SignatureException("cannot read trusted root " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code trusted_root.json} content.
   *
   * @throws SignatureException when it is not a usable trusted root
   */
  public static TrustedRoot fromJson(byte[] json) {
    try {
      return new TrustedRoot(KeylessTrust.parse(json));
    } catch (IllegalArgumentException e) {
      throw new SignatureException(e.getMessage(), e);
    }
  }

  KeylessTrust trust() {
    return trust;
  }

  @Override
  public String toString() {
    return "TrustedRoot[" + trust.summary() + "]";
  }
}
