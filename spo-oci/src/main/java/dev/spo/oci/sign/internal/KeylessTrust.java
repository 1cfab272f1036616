package dev.spo.oci.sign.internal;

import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.fulcio.client.FulcioVerificationException;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.CertificateAuthority;
import dev.sigstore.trustroot.SigstoreConfigurationException;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.trustroot.TransparencyLog;
import dev.sigstore.timestamp.client.TimestampException;
import dev.sigstore.timestamp.client.TimestampResponse;
import dev.sigstore.timestamp.client.TimestampVerificationException;
import dev.sigstore.timestamp.client.TimestampVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keyless trust material from a {@code trusted_root.json}: sigstore-java's Fulcio verifier (chain
 * and embedded SCT) and Rekor verifier (inclusion proof, checkpoint, SET), plus the checks
 * sigstore-java 2.0.0 lacks: SET-only entries and certificate validity at the log's time.
 */
public final class KeylessTrust {
  private final SigstoreTrustedRoot root;
  private final FulcioVerifier fulcio;
  private final RekorVerifier rekor;
  private final @Nullable TimestampVerifier timestamps;

  private KeylessTrust(SigstoreTrustedRoot root) throws GeneralSecurityException {
    this.root = root;
    this.fulcio = FulcioVerifier.newFulcioVerifier(root);
    this.rekor = RekorVerifier.newRekorVerifier(root);
    this.timestamps = root.getTSAs().isEmpty() ? null : TimestampVerifier.newTimestampVerifier(root);
  }

  /**
   * Parses a {@code trusted_root.json}.
   *
   * @throws IllegalArgumentException when it is not a usable trusted root
   */
  public static KeylessTrust parse(byte[] json) {
    try {
      return new KeylessTrust(SigstoreTrustedRoot.from(new ByteArrayInputStream(json)));
    } catch (SigstoreConfigurationException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a usable trusted_root.json: " + e.getMessage(), e);
    }
  }

  /** Number of certificate authorities, transparency logs and CT logs, for descriptions. */
  public String summary() {
    return root.getCAs().size() + " CA(s), " + root.getTLogs().size() + " tlog(s), " + root.getCTLogs().size() + " CT log(s)";
  }

  /**
   * Checks the signing certificate: chain to a trusted CA valid at the leaf's notBefore, and an
   * embedded SCT from a trusted CT log when the trusted root lists CT logs.
   *
   * @param chain leaf first, then any intermediates/root the signature carried
   * @return the leaf
   */
  public X509Certificate verifyCertificate(List<X509Certificate> chain) throws Reject {
    if (chain.isEmpty()) {
      throw new Reject("no certificate");
    }
    if (root.getCTLogs().isEmpty()) {
      // sigstore-java's Fulcio verifier insists on an SCT; a root without CT logs (a private
      // Sigstore without CT) asks for the chain only.
      validateChain(chain.get(0));
      return chain.get(0);
    }
    try {
      CertPath path = Certificates.toCertPath(new ArrayList<>(chain));
      fulcio.verifySigningCertificate(path);
    } catch (FulcioVerificationException | IOException | CertificateException | RuntimeException e) {
      throw new Reject("certificate not trusted", e);
    }
    return chain.get(0);
  }

  /**
   * PKIX validation of the leaf against each CA that was valid at the leaf's notBefore, the way
   * sigstore-java does it: the CA's own chain from the trusted root (not the signature's), its
   * last certificate as anchor, validation at notBefore (Fulcio certificates live minutes), no
   * revocation.
   */
  private void validateChain(X509Certificate leaf) throws Reject {
    Instant notBefore = leaf.getNotBefore().toInstant();
    List<CertificateAuthority> cas = CertificateAuthority.find(root.getCAs(), notBefore);
    if (cas.isEmpty()) {
      throw new Reject("certificate not trusted: no trusted CA was valid at " + notBefore);
    }
    List<String> failures = new ArrayList<>();
    for (CertificateAuthority ca : cas) {
      try {
        List<? extends Certificate> caCerts = ca.getCertPath().getCertificates();
        List<Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(caCerts.subList(0, caCerts.size() - 1));
        PKIXParameters params = new PKIXParameters(Set.of(ca.asTrustAnchor()));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(notBefore));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        return;
      } catch (GeneralSecurityException | RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    throw new Reject("certificate not trusted: does not chain to a trusted CA " + failures);
  }

  /**
   * Verifies a legacy cosign SET (a Rekor v1 promise, no inclusion proof): the log is trusted,
   * its key was valid at the integrated time, and the SET signs the canonical entry.
   */
  public void verifySet(String bodyB64, long integratedTime, long logIndex, String logIdHex, String setB64) throws Reject {
    byte[] logId;
    byte[] set;
    try {
      logId = HexFormat.of().parseHex(logIdHex);
      set = Base64.getDecoder().decode(setB64);
    } catch (IllegalArgumentException e) {
      throw new Reject("malformed transparency log entry", e);
    }
    Optional<TransparencyLog> tlog = TransparencyLog.find(root.getTLogs(), logId, Instant.ofEpochSecond(integratedTime));
    if (tlog.isEmpty()) {
      throw new Reject("transparency log " + logIdHex + " is not trusted at " + Instant.ofEpochSecond(integratedTime));
    }
    PublicKey key;
    try {
      key = tlog.get().getPublicKey().toJavaPublicKey();
    } catch (GeneralSecurityException e) {
      throw new Reject("unusable transparency log key", e);
    }
    if (!Keys.verify(key, signableContent(bodyB64, integratedTime, logIdHex, logIndex), set)) {
      throw new Reject("invalid SET: the transparency log did not sign this entry");
    }
  }

  /**
   * The canonical JSON (RFC 8785) a Rekor v1 SET signs. Written by hand because the values are
   * fixed-shape: base64 and hex need no escaping and the keys are already in sorted order.
   */
  public static byte[] signableContent(String bodyB64, long integratedTime, String logIdHex, long logIndex) {
    return ("{\"body\":\"" + bodyB64 + "\",\"integratedTime\":" + integratedTime + ",\"logID\":\"" + logIdHex
            + "\",\"logIndex\":" + logIndex + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Verifies a bundle's Rekor entry: inclusion proof, signed checkpoint and (if present) SET. */
  public void verifyEntry(RekorEntry entry) throws Reject {
    try {
      rekor.verifyEntry(entry);
    } catch (RekorVerificationException | RuntimeException e) {
      throw new Reject("transparency log entry invalid", e);
    }
  }

  /**
   * Verifies an RFC 3161 timestamp response over {@code signature} against the trusted root's
   * timestamp authorities and returns its time.
   */
  public Instant verifyTimestamp(byte[] response, byte[] signature) throws Reject {
    if (timestamps == null) {
      throw new Reject("RFC 3161 timestamp, but the trusted root has no timestamp authority");
    }
    byte[] der = response.clone();
    TimestampResponse r = () -> der.clone();
    try {
      timestamps.verify(r, signature);
      return r.getGenTime().toInstant();
    } catch (TimestampVerificationException | TimestampException | RuntimeException e) {
      throw new Reject("RFC 3161 timestamp invalid", e);
    }
  }

  /** The certificate must have been valid when the log integrated the entry (sigstore-java 2.0.0 skips this). */
  public static void checkValidAt(X509Certificate leaf, Instant time) throws Reject {
    try {
      leaf.checkValidity(Date.from(time));
    } catch (CertificateException e) {
      throw new Reject(
          "certificate was not valid at the log's integrated time " + time + " (valid " + leaf.getNotBefore().toInstant() + " to "
              + leaf.getNotAfter().toInstant() + ")");
    }
  }
}
