package dev.spo.oci.sign.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * The signer identity Fulcio puts in a certificate: exactly one SAN (email or URI) and the OIDC
 * issuer from extension 1.3.6.1.4.1.57264.1.8 (DER UTF8String), else the deprecated .1.1 (raw
 * UTF-8).
 */
public record CertIdentity(String subject, String issuer) {
  public static final String OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
  public static final String OID_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

  /** Reads the identity, rejecting certificates that are not Fulcio-shaped. */
  public static CertIdentity of(X509Certificate cert) throws Reject {
    Collection<List<?>> sans;
    try {
      sans = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new Reject("unreadable subject alternative names", e);
    }
    if (sans == null || sans.size() != 1) {
      throw new Reject("certificate must have exactly one subject alternative name, has " + (sans == null ? 0 : sans.size()));
    }
    List<?> san = sans.iterator().next();
    int type = (Integer) san.get(0);
    if ((type != 1 && type != 6) || !(san.get(1) instanceof String value)) {
      throw new Reject("certificate SAN is neither an email nor a URI");
    }
    return new CertIdentity(value, issuer(cert));
  }

  private static String issuer(X509Certificate cert) throws Reject {
    try {
      byte[] v2 = cert.getExtensionValue(OID_ISSUER_V2);
      if (v2 != null) {
        ASN1Primitive inner = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v2).getOctets());
        if (inner instanceof ASN1String s) {
          return s.getString();
        }
        throw new Reject("OIDC issuer extension is not a string");
      }
      byte[] v1 = cert.getExtensionValue(OID_ISSUER_V1);
      if (v1 != null) {
        return new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new Reject("unreadable OIDC issuer extension", e);
    }
    throw new Reject("certificate has no OIDC issuer extension");
  }
}
