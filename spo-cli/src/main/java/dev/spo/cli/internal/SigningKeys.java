package dev.spo.cli.internal;

import dev.spo.oci.sign.SigningKeyPair;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.math.ec.ECPoint;

/** Key files as users hand them to spoc. */
public final class SigningKeys {
  private SigningKeys() {}

  /**
   * The key pair of an ECDSA P-256 private key in PKCS#8 PEM. The public half is recomputed
   * (Q = d·G), so users pass only the private key file, as with {@code cosign sign --key}.
   */
  public static SigningKeyPair pairFromPrivateKey(String pem) {
    String b64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw CliException.usage("the signing key must be an unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), e.g. from 'spoc keygen'");
    }
    try {
      KeyFactory kf = KeyFactory.getInstance("EC");
      if (!(kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64))) instanceof ECPrivateKey priv)) {
        throw CliException.usage("the signing key is not an EC key");
      }
      BigInteger d = priv.getS();
      ECPoint q = ECNamedCurveTable.getParameterSpec("secp256r1").getG().multiply(d).normalize();
      PublicKey pub = kf.generatePublic(new ECPublicKeySpec(
          new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), priv.getParams()));
      return new SigningKeyPair(pem, pem(pub));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw CliException.usage("cannot read the signing key: " + e.getMessage());
    }
  }

  private static String pem(PublicKey key) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }
}
