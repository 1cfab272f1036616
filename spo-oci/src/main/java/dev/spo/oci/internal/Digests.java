package dev.spo.oci.internal;

import dev.spo.oci.RegistryException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in OCI form ({@code sha256:<hex>}). */
public final class Digests {
  private Digests() {}

  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  /** Hex part of a digest. */
  public static String hex(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  /**
   * Checks that the bytes hash to the expected digest.
   *
   * @throws RegistryException with reason DIGEST_MISMATCH otherwise
   */
  public static void verify(String expected, byte[] bytes, String reference) {
    String actual = sha256(bytes);
    if (!actual.equals(expected)) {
      throw new RegistryException(
          RegistryException.Reason.DIGEST_MISMATCH,
          reference,
          -1,
          null,
          "content does not match its digest: expected " + expected + ", got " + actual + " (" + bytes.length + " bytes)");
    }
  }
}
