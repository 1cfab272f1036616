package dev.spo.oci.sign;

import dev.spo.oci.sign.internal.Keys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

/**
 * An ECDSA P-256 key pair as PEM: PKCS#8 {@code PRIVATE KEY} (unencrypted; protect the file) and
 * {@code PUBLIC KEY}, the public half in the form {@code cosign verify --key} reads.
 *
 * @param privateKeyPem PKCS#8 PEM of the private key
 * @param publicKeyPem SubjectPublicKeyInfo PEM of the public key
 */
public record SigningKeyPair(String privateKeyPem, String publicKeyPem) {
  public SigningKeyPair {
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
  }

  /** Generates a fresh ECDSA P-256 key pair. */
  public static SigningKeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair kp = g.generateKeyPair();
      return new SigningKeyPair(Keys.toPem("PRIVATE KEY", kp.getPrivate().getEncoded()), Keys.toPem("PUBLIC KEY", kp.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new SignatureException("cannot generate an ECDSA P-256 key pair: " + e.getMessage(), e);
    }
  }

  // The private key must never reach logs.
  @Override
  public String toString() {
    return "SigningKeyPair[" + PublicKeys.fingerprint(PublicKeys.fromPem(publicKeyPem)) + "]";
  }
}
