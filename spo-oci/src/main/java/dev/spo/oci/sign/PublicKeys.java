package dev.spo.oci.sign;

import dev.spo.oci.sign.internal.Keys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/** Public keys for key-based verification: PEM {@code PUBLIC KEY} (cosign.pub) with ECDSA P-256, RSA or Ed25519. */
public final class PublicKeys {
  private PublicKeys() {}

  /**
   * Parses a PEM public key.
   *
   * @throws SignatureException when it is not a supported public key
   */
  public static PublicKey fromPem(String pem) {
    try {
      return Keys.parsePublicKey(pem);
    } catch (IllegalArgumentException e) {
      throw new SignatureException("unusable public key: " + e.getMessage(), e);
    }
  }

  /** Reads a PEM public key file (at most 64 KiB). */
  public static PublicKey fromFile(Path file) {
    try {
      if (Files.size(file) > 64 << 10) {
        throw new SignatureException("public key file " + file + " is larger than 64 KiB");
      }
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new SignatureException("cannot read public key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key as PEM. */
  public static String toPem(PublicKey key) {
    return Keys.toPem("PUBLIC KEY", key.getEncoded());
  }

  /** {@code sha256:<hex>} of the key's SubjectPublicKeyInfo, the signer name in results. */
  public static String fingerprint(PublicKey key) {
    return Keys.fingerprint(key);
  }
}
