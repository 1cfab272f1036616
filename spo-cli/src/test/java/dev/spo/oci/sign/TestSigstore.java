package dev.spo.oci.sign;

import dev.sigstore.encryption.certificates.transparency.CertificateEntry;
import dev.spo.oci.OciRepository;
import dev.spo.oci.internal.Json;
import dev.spo.oci.sign.internal.CertIdentity;
import dev.spo.oci.sign.internal.CosignFormats;
import dev.spo.oci.sign.internal.KeylessTrust;
import dev.spo.oci.sign.internal.Keys;
import dev.spo.oci.sign.internal.SignatureWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A Sigstore PKI of our own for offline tests (the recipe of oci-and-signing.md §B.7): a Fulcio-like
 * CA issuing short-lived leaf certificates with a SAN, the OIDC issuer extensions and an embedded
 * SCT from a CT log key; a Rekor-like log that signs SETs and checkpoints and serves RFC 6962
 * inclusion proofs from a growing Merkle tree; and the matching {@code trusted_root.json}. {@link
 * #signer} gives an {@link ArtifactSigner} producing keyless signatures in both cosign forms, with
 * {@link Fault}s for the rejection matrix.
 *
 * <p>A copy of spo-oci's test PKI (spo-oci tests must not depend on spo-cli); replace it with
 * spo-testing's Sigstore extension once that module exists.
 */
public final class TestSigstore {
  public static final String REKOR_URL = "https://rekor.test";
  public static final String OID_SCT = "1.3.6.1.4.1.11129.2.4.2";

  /** Deliberate defects of a signature. */
  public enum Fault {
    /** The log integrated the entry an hour after the certificate expired. */
    EXPIRED_AT_LOG_TIME,
    /** The SET is signed by a key the trusted root does not know. */
    BAD_SET,
    /** The inclusion proof's root hash does not match the checkpoint (bundles). */
    BAD_PROOF,
    /** The leaf certificate carries no SCT. */
    NO_SCT,
    /** The leaf is issued by a CA that is not in the trusted root. */
    UNTRUSTED_CA,
    /** The log body records a different signature than the one published. */
    BODY_MISMATCH
  }

  private final SecureRandom random = new SecureRandom();
  private final KeyPair ca = ec();
  private final KeyPair ct = ec();
  private final KeyPair rekor = ec();
  private final KeyPair rogue = ec();
  private final Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  private final X509Certificate caCert = caCertificate(ca, "test-fulcio");
  private final X509Certificate rogueCert = caCertificate(rogue, "rogue-fulcio");
  private final List<byte[]> logLeaves = new ArrayList<>();

  /** The trusted root with CA, CT log and transparency log. */
  public byte[] trustedRootJson() {
    return trustedRootJson(true);
  }

  /** The trusted root, optionally without CT logs. */
  public byte[] trustedRootJson(boolean withCtLogs) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
    doc.put("tlogs", List.of(log(REKOR_URL, rekor)));
    Map<String, Object> caEntry = new LinkedHashMap<>();
    caEntry.put("subject", Map.of("organization", "example.test", "commonName", "test-fulcio"));
    caEntry.put("uri", "https://fulcio.test");
    caEntry.put("certChain", Map.of("certificates", List.of(Map.of("rawBytes", b64(der(caCert))))));
    caEntry.put("validFor", Map.of("start", start.minusSeconds(60).toString()));
    doc.put("certificateAuthorities", List.of(caEntry));
    doc.put("ctlogs", withCtLogs ? List.of(log("https://ct.test", ct)) : List.of());
    doc.put("timestampAuthorities", List.of());
    return Json.write(doc);
  }

  public TrustedRoot trustedRoot() {
    return TrustedRoot.fromJson(trustedRootJson());
  }

  private Map<String, Object> log(String url, KeyPair key) {
    Map<String, Object> pk = new LinkedHashMap<>();
    pk.put("rawBytes", b64(key.getPublic().getEncoded()));
    pk.put("keyDetails", "PKIX_ECDSA_P256_SHA_256");
    pk.put("validFor", Map.of("start", start.minusSeconds(60).toString()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseUrl", url);
    m.put("hashAlgorithm", "SHA2_256");
    m.put("publicKey", pk);
    m.put("logId", Map.of("keyId", b64(keyId(key))));
    return m;
  }

  /** A keyless signer for this SAN (an email or a URI) and OIDC issuer. */
  public ArtifactSigner signer(String san, String issuer, Fault... faults) {
    Set<Fault> f = faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(faults[0], faults);
    return (repo, digest, options) -> SignatureWriter.publish(repo, digest, options, new Backend(san, issuer, f));
  }

  /** Signs with a fresh leaf certificate; one leaf per signing call, as with Fulcio. */
  private final class Backend implements SignatureWriter.Backend {
    private final String san;
    private final String issuer;
    private final Set<Fault> faults;
    private final KeyPair leafKey = ec();
    private final X509Certificate leaf;
    private final Instant issued = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    Backend(String san, String issuer, Set<Fault> faults) {
      this.san = san;
      this.issuer = issuer;
      this.faults = faults;
      this.leaf = leaf(san, issuer, leafKey, issued, faults);
    }

    @Override
    public String signer() {
      return san;
    }

    @Override
    public byte[] sign(byte[] data) {
      return Keys.signEc(leafKey.getPrivate(), data);
    }

    private long integratedTime() {
      return faults.contains(Fault.EXPIRED_AT_LOG_TIME)
          ? leaf.getNotAfter().toInstant().plus(Duration.ofHours(1)).getEpochSecond()
          : issued.plusSeconds(5).getEpochSecond();
    }

    private byte[] recordedSignature(byte[] signature) {
      return faults.contains(Fault.BODY_MISMATCH) ? Keys.signEc(leafKey.getPrivate(), new byte[] {1, 2, 3}) : signature;
    }

    @Override
    public Map<String, String> legacyAnnotations(byte[] payload, byte[] signature) {
      String body = hashedRekordBody(Keys.sha256(payload), recordedSignature(signature), leaf);
      LogEntry e = append(body, integratedTime());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("body", e.bodyB64);
      p.put("integratedTime", e.integratedTime);
      p.put("logIndex", e.logIndex);
      p.put("logID", HexFormat.of().formatHex(keyId(rekor)));
      Map<String, Object> bundle = new LinkedHashMap<>();
      bundle.put("SignedEntryTimestamp", e.set);
      bundle.put("Payload", p);
      Map<String, String> ann = new LinkedHashMap<>();
      ann.put(CosignFormats.ANN_CERTIFICATE, Keys.toPem("CERTIFICATE", der(leaf)));
      ann.put(CosignFormats.ANN_CHAIN, Keys.toPem("CERTIFICATE", der(faults.contains(Fault.UNTRUSTED_CA) ? rogueCert : caCert)));
      ann.put(CosignFormats.ANN_BUNDLE, new String(Json.write(bundle), StandardCharsets.UTF_8));
      return ann;
    }

    @Override
    public Map<String, Object> bundleMaterial(byte[] statement, byte[] signature) {
      String body = dsseBody(statement, recordedSignature(signature), leaf);
      LogEntry e = append(body, integratedTime());
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("logIndex", Long.toString(e.logIndex));
      proof.put("rootHash", b64(faults.contains(Fault.BAD_PROOF) ? Keys.sha256(e.rootHash) : e.rootHash));
      proof.put("treeSize", Long.toString(e.treeSize));
      List<String> hashes = new ArrayList<>();
      for (byte[] h : e.path) {
        hashes.add(b64(h));
      }
      proof.put("hashes", hashes);
      proof.put("checkpoint", Map.of("envelope", e.checkpoint));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("logIndex", Long.toString(e.logIndex));
      entry.put("logId", Map.of("keyId", b64(keyId(rekor))));
      entry.put("kindVersion", Map.of("kind", "dsse", "version", "0.0.1"));
      entry.put("integratedTime", Long.toString(e.integratedTime));
      entry.put("inclusionPromise", Map.of("signedEntryTimestamp", e.set));
      entry.put("inclusionProof", proof);
      entry.put("canonicalizedBody", e.bodyB64);
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("certificate", Map.of("rawBytes", b64(der(leaf))));
      vm.put("tlogEntries", List.of(entry));
      return vm;
    }

    private LogEntry append(String body, long integratedTime) {
      LogEntry e = TestSigstore.this.append(body.getBytes(StandardCharsets.UTF_8), integratedTime);
      if (faults.contains(Fault.BAD_SET)) {
        String logIdHex = HexFormat.of().formatHex(keyId(rekor));
        byte[] content = KeylessTrust.signableContent(e.bodyB64, e.integratedTime, logIdHex, e.logIndex);
        return new LogEntry(e.bodyB64, e.integratedTime, e.logIndex, b64(Keys.signEc(rogue.getPrivate(), content)), e.treeSize, e.rootHash, e.path, e.checkpoint);
      }
      return e;
    }
  }

  // ------------------------------------------------------------------ the log

  private record LogEntry(
      String bodyB64, long integratedTime, long logIndex, String set, long treeSize, byte[] rootHash, List<byte[]> path, String checkpoint) {}

  private synchronized LogEntry append(byte[] body, long integratedTime) {
    logLeaves.add(leafHash(body));
    int index = logLeaves.size() - 1;
    int size = logLeaves.size();
    byte[] root = mth(0, size);
    List<byte[]> path = new ArrayList<>();
    auditPath(index, 0, size, path);
    String bodyB64 = b64(body);
    String logIdHex = HexFormat.of().formatHex(keyId(rekor));
    String set = b64(Keys.signEc(rekor.getPrivate(), KeylessTrust.signableContent(bodyB64, integratedTime, logIdHex, index)));
    String header = "rekor.test - 42\n" + size + "\n" + b64(root) + "\n";
    byte[] sig = Keys.signEc(rekor.getPrivate(), header.getBytes(StandardCharsets.UTF_8));
    byte[] hintAndSig = new byte[4 + sig.length];
    System.arraycopy(keyId(rekor), 0, hintAndSig, 0, 4);
    System.arraycopy(sig, 0, hintAndSig, 4, sig.length);
    String checkpoint = header + "\n\u2014 rekor.test " + b64(hintAndSig) + "\n";
    return new LogEntry(bodyB64, integratedTime, index, set, size, root, path, checkpoint);
  }

  private static byte[] leafHash(byte[] body) {
    byte[] in = new byte[body.length + 1];
    System.arraycopy(body, 0, in, 1, body.length);
    return Keys.sha256(in);
  }

  private static byte[] node(byte[] l, byte[] r) {
    byte[] in = new byte[1 + l.length + r.length];
    in[0] = 1;
    System.arraycopy(l, 0, in, 1, l.length);
    System.arraycopy(r, 0, in, 1 + l.length, r.length);
    return Keys.sha256(in);
  }

  /** RFC 6962 Merkle tree hash of leaves [lo, hi). */
  private byte[] mth(int lo, int hi) {
    if (hi - lo == 1) {
      return logLeaves.get(lo);
    }
    int k = Integer.highestOneBit(hi - lo - 1);
    return node(mth(lo, lo + k), mth(lo + k, hi));
  }

  /** RFC 6962 audit path of leaf m in [lo, hi), leaf to root. */
  private void auditPath(int m, int lo, int hi, List<byte[]> out) {
    if (hi - lo == 1) {
      return;
    }
    int k = Integer.highestOneBit(hi - lo - 1);
    if (m - lo < k) {
      auditPath(m, lo, lo + k, out);
      out.add(mth(lo + k, hi));
    } else {
      auditPath(m, lo + k, hi, out);
      out.add(mth(lo, lo + k));
    }
  }

  // ------------------------------------------------------------------ certificates

  private X509Certificate leaf(String san, String issuer, KeyPair key, Instant t, Set<Fault> faults) {
    KeyPair issuerKey = faults.contains(Fault.UNTRUSTED_CA) ? rogue : ca;
    X509Certificate issuerCert = faults.contains(Fault.UNTRUSTED_CA) ? rogueCert : caCert;
    BigInteger serial = new BigInteger(64, random);
    Date notBefore = Date.from(t.minusSeconds(30));
    Date notAfter = Date.from(t.plus(Duration.ofMinutes(10)));
    try {
      if (faults.contains(Fault.NO_SCT)) {
        return leafWith(san, issuer, key, issuerKey, issuerCert, serial, notBefore, notAfter, null);
      }
      // The SCT signs the precertificate TBS (the leaf without the SCT extension), so build the
      // leaf once with a placeholder, let sigstore-java derive the precert entry, then rebuild.
      X509Certificate placeholder =
          leafWith(san, issuer, key, issuerKey, issuerCert, serial, notBefore, notAfter, new byte[] {0, 0});
      ByteArrayOutputStream entry = new ByteArrayOutputStream();
      CertificateEntry.createForPrecertificate(placeholder, issuerCert).encode(entry);
      long ts = t.toEpochMilli();
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      DataOutputStream s = new DataOutputStream(signed);
      s.writeByte(0); // version v1
      s.writeByte(0); // signature type: certificate timestamp
      s.writeLong(ts);
      s.write(entry.toByteArray());
      s.writeShort(0); // no extensions
      byte[] sig = Keys.signEc(ct.getPrivate(), signed.toByteArray());
      ByteArrayOutputStream sct = new ByteArrayOutputStream();
      DataOutputStream o = new DataOutputStream(sct);
      o.writeByte(0);
      o.write(keyId(ct));
      o.writeLong(ts);
      o.writeShort(0);
      o.writeByte(4); // sha256
      o.writeByte(3); // ecdsa
      o.writeShort(sig.length);
      o.write(sig);
      byte[] sctBytes = sct.toByteArray();
      ByteArrayOutputStream list = new ByteArrayOutputStream();
      DataOutputStream l = new DataOutputStream(list);
      l.writeShort(sctBytes.length + 2);
      l.writeShort(sctBytes.length);
      l.write(sctBytes);
      return leafWith(san, issuer, key, issuerKey, issuerCert, serial, notBefore, notAfter, list.toByteArray());
    } catch (IOException | GeneralSecurityException | dev.sigstore.encryption.certificates.transparency.SerializationException e) {
      throw new IllegalStateException("cannot issue a test certificate: " + e, e);
    }
  }

  private static X509Certificate leafWith(
      String san,
      String issuer,
      KeyPair key,
      KeyPair issuerKey,
      X509Certificate issuerCert,
      BigInteger serial,
      Date notBefore,
      Date notAfter,
      byte[] sctList)
      throws GeneralSecurityException, IOException {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded()),
              serial,
              notBefore,
              notAfter,
              new X500Name(new RDN[0]),
              key.getPublic());
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      int type = san.contains("@") && !san.contains("://") ? GeneralName.rfc822Name : GeneralName.uniformResourceIdentifier;
      b.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(new GeneralName(type, san)));
      b.addExtension(new ASN1ObjectIdentifier(CertIdentity.OID_ISSUER_V1), false, issuer.getBytes(StandardCharsets.UTF_8));
      b.addExtension(new ASN1ObjectIdentifier(CertIdentity.OID_ISSUER_V2), false, new DERUTF8String(issuer));
      if (sctList != null) {
        b.addExtension(new ASN1ObjectIdentifier(OID_SCT), false, new DEROctetString(sctList));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private X509Certificate caCertificate(KeyPair key, String cn) {
    try {
      X500Name name = new X500Name("CN=" + cn + ",O=example.test");
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name, BigInteger.valueOf(Math.abs(random.nextLong()) + 1), Date.from(start.minusSeconds(60)),
              Date.from(start.plus(Duration.ofDays(365))), name, key.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a test CA: " + e, e);
    }
  }

  // ------------------------------------------------------------------ log bodies

  static String hashedRekordBody(byte[] sha256, byte[] sig, X509Certificate leaf) {
    return "{\"apiVersion\":\"0.0.1\",\"kind\":\"hashedrekord\",\"spec\":{\"data\":{\"hash\":{\"algorithm\":\"sha256\",\"value\":\""
        + HexFormat.of().formatHex(sha256) + "\"}},\"signature\":{\"content\":\"" + b64(sig) + "\",\"publicKey\":{\"content\":\""
        + b64(Keys.toPem("CERTIFICATE", der(leaf)).getBytes(StandardCharsets.UTF_8)) + "\"}}}}";
  }

  static String dsseBody(byte[] statement, byte[] sig, X509Certificate leaf) {
    String hash = HexFormat.of().formatHex(Keys.sha256(statement));
    return "{\"apiVersion\":\"0.0.1\",\"kind\":\"dsse\",\"spec\":{\"envelopeHash\":{\"algorithm\":\"sha256\",\"value\":\""
        + hash + "\"},\"payloadHash\":{\"algorithm\":\"sha256\",\"value\":\"" + hash + "\"},\"signatures\":[{\"signature\":\""
        + b64(sig) + "\",\"verifier\":\"" + b64(Keys.toPem("CERTIFICATE", der(leaf)).getBytes(StandardCharsets.UTF_8)) + "\"}]}}";
  }

  // ------------------------------------------------------------------ helpers

  static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] keyId(KeyPair k) {
    return Keys.sha256(k.getPublic().getEncoded());
  }

  static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Copy of bytes for assertions. */
  static byte[] copy(byte[] b) {
    return Arrays.copyOf(b, b.length);
  }

  /** Publishes through a repository with the given signer; convenience for tests. */
  public static SignedArtifact sign(ArtifactSigner signer, OciRepository repo, String digest, SigningOptions options) {
    return signer.sign(repo, digest, options);
  }
}
