package dev.spo.oci.sign.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** PEM keys and certificates, fingerprints, and plain JCA signatures. */
public final class Keys {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final String OID_EC = "1.2.840.10045.2.1";
  private static final String OID_P256 = "1.2.840.10045.3.1.7";
  private static final String OID_RSA = "1.2.840.113549.1.1.1";
  private static final String OID_ED25519 = "1.3.101.112";

  private Keys() {}

  /** The DER bodies of every PEM block of {@code type} in {@code pem}. */
  public static List<byte[]> pemBlocks(String pem, String type) {
    List<byte[]> out = new ArrayList<>();
    Matcher m = PEM.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        out.add(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    return out;
  }

  /** PEM with 64-character lines, as Fulcio, cosign and sigstore-java write it. */
  public static String toPem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  /**
   * A {@code PUBLIC KEY} PEM: ECDSA P-256, RSA or Ed25519.
   *
   * @throws IllegalArgumentException when there is no such block or the key type is unsupported
   */
  public static PublicKey parsePublicKey(String pem) {
    List<byte[]> blocks = pemBlocks(pem, "PUBLIC KEY");
    if (blocks.size() != 1) {
      throw new IllegalArgumentException("expected exactly one PUBLIC KEY PEM block, found " + blocks.size());
    }
    return publicKey(blocks.get(0));
  }

  /** A public key from SPKI DER: ECDSA P-256, RSA or Ed25519. */
  public static PublicKey publicKey(byte[] spkiDer) {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(spkiDer);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
    String oid = spki.getAlgorithm().getAlgorithm().getId();
    String algorithm;
    switch (oid) {
      case OID_EC -> {
        // cosign pairs P-384/P-521 with SHA-384/512; we only implement SHA-256, so refuse them
        // instead of failing every signature later.
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) || !curve.getId().equals(OID_P256)) {
          throw new IllegalArgumentException("unsupported EC curve (only P-256 is supported)");
        }
        algorithm = "EC";
      }
      case OID_RSA -> algorithm = "RSA";
      case OID_ED25519 -> algorithm = "Ed25519";
      default -> throw new IllegalArgumentException("unsupported public key algorithm " + oid);
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spkiDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("invalid " + algorithm + " public key: " + e.getMessage(), e);
    }
  }

  /** A PKCS#8 {@code PRIVATE KEY} PEM holding an ECDSA P-256 key. */
  public static PrivateKey parseEcPrivateKey(String pem) {
    List<byte[]> blocks = pemBlocks(pem, "PRIVATE KEY");
    if (blocks.size() != 1) {
      throw new IllegalArgumentException(
          "expected exactly one PKCS#8 'PRIVATE KEY' PEM block (encrypted cosign keys are not supported), found " + blocks.size());
    }
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(blocks.get(0)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PKCS#8 EC private key: " + e.getMessage(), e);
    }
  }

  /** X.509 certificates from PEM, in order. */
  public static List<X509Certificate> parseCertificates(String pem) throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (byte[] der : pemBlocks(pem, "CERTIFICATE")) {
      out.add(certificate(cf, der));
    }
    return out;
  }

  /** One X.509 certificate from DER. */
  public static X509Certificate certificate(byte[] der) throws CertificateException {
    return certificate(CertificateFactory.getInstance("X.509"), der);
  }

  private static X509Certificate certificate(CertificateFactory cf, byte[] der) throws CertificateException {
    return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
  }

  /** {@code sha256:<hex>} of the key's SPKI DER, the way keys are named in results. */
  public static String fingerprint(PublicKey key) {
    return "sha256:" + HexFormat.of().formatHex(sha256(key.getEncoded()));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in Java SE", e);
    }
  }

  /** The JCA signature algorithm cosign uses with this key type (always SHA-256 for ECDSA and RSA). */
  static String algorithm(PublicKey key) {
    return switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    };
  }

  /** Verifies a signature over {@code data}; false for a wrong or malformed signature. */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(algorithm(key));
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (SignatureException | InvalidKeyException | IllegalArgumentException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@code data} with an EC key (SHA256withECDSA, DER signature). */
  public static byte[] signEc(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /** Whether two keys are the same key (same SPKI encoding). */
  public static boolean sameKey(PublicKey a, PublicKey b) {
    return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
  }

  /** Whether an EC public key is on P-256 (the only curve the signer uses). */
  public static boolean isP256(PublicKey key) {
    return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
  }
}
