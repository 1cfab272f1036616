package dev.spo.oci.sign.internal;

import dev.sigstore.rekor.client.RekorEntry;
import dev.spo.oci.internal.Digests;
import dev.spo.oci.sign.Identity;
import dev.spo.oci.sign.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Checks one candidate against the trust configuration, without I/O (the subject's manifest bytes
 * come from a supplier, needed only for message-signature bundles).
 *
 * @param keys trusted public keys (key mode)
 * @param keyless trusted root for certificate signatures, or null
 * @param identities accepted keyless signers (any one suffices)
 * @param dockerReference required {@code docker-reference} of legacy payloads, or null to ignore it
 * @param keyLog when not null, key signatures must be in one of its transparency logs
 */
public record CandidateChecker(
    List<PublicKey> keys,
    @Nullable KeylessTrust keyless,
    List<Identity> identities,
    @Nullable String dockerReference,
    @Nullable KeylessTrust keyLog) {

  /** A candidate that satisfied the policy. */
  public record Accepted(
      SignatureScheme scheme, boolean keyless, String signer, @Nullable String issuer, @Nullable Instant signedAt, String source) {}

  public CandidateChecker {
    keys = List.copyOf(keys);
    identities = List.copyOf(identities);
  }

  public Accepted check(Candidate candidate, String digest, Supplier<byte[]> subjectManifest) throws Reject {
    if (candidate instanceof Candidate.Legacy l) {
      return legacy(l, digest);
    }
    return bundle((Candidate.BundleCandidate) candidate, digest, subjectManifest);
  }

  // ------------------------------------------------------------------ legacy .sig layers

  private Accepted legacy(Candidate.Legacy c, String digest) throws Reject {
    Map<String, String> ann = c.annotations();
    String sigB64 = ann.get(CosignFormats.ANN_SIGNATURE);
    if (sigB64 == null) {
      throw new Reject("layer has no " + CosignFormats.ANN_SIGNATURE + " annotation");
    }
    byte[] sig = base64(sigB64, "signature");
    byte[] payload = c.payload();
    String cert = ann.get(CosignFormats.ANN_CERTIFICATE);
    Accepted accepted;
    if (cert != null && !cert.isBlank()) {
      accepted = legacyKeyless(c, payload, sig, cert, ann);
    } else {
      PublicKey key = verifyWithKeys(payload, sig);
      @Nullable Instant at = keyLog == null ? null : legacySet(keyLog, ann, payload, sig, key);
      accepted = new Accepted(SignatureScheme.COSIGN_LEGACY, false, Keys.fingerprint(key), null, at, c.source());
    }
    // Claims after the signature, so a tampered payload is reported as such rather than as a claim mismatch.
    CosignFormats.SimpleSigningClaims claims = CosignFormats.parseSimpleSigning(payload);
    if (!digest.equals(claims.digest())) {
      throw new Reject("signed payload is for another digest (" + claims.digest() + ")");
    }
    if (dockerReference != null && !dockerReference.equals(claims.dockerReference())) {
      throw new Reject("signed docker-reference " + claims.dockerReference() + " is not " + dockerReference);
    }
    return accepted;
  }

  private Accepted legacyKeyless(Candidate.Legacy c, byte[] payload, byte[] sig, String certPem, Map<String, String> ann)
      throws Reject {
    KeylessTrust trust = requireKeyless();
    List<X509Certificate> chain = new ArrayList<>();
    try {
      chain.addAll(Keys.parseCertificates(certPem));
      if (chain.size() != 1) {
        throw new Reject("certificate annotation must hold exactly one certificate");
      }
      String chainPem = ann.get(CosignFormats.ANN_CHAIN);
      if (chainPem != null) {
        chain.addAll(Keys.parseCertificates(chainPem));
      }
    } catch (CertificateException e) {
      throw new Reject("unreadable certificate", e);
    }
    X509Certificate leaf = trust.verifyCertificate(chain);
    CertIdentity id = checkIdentity(leaf);
    if (!Keys.verify(leaf.getPublicKey(), payload, sig)) {
      throw new Reject("signature does not verify with the certificate's key (tampered payload or signature)");
    }
    Instant at = legacySet(trust, ann, payload, sig, leaf);
    KeylessTrust.checkValidAt(leaf, at);
    return new Accepted(SignatureScheme.COSIGN_LEGACY, true, id.subject(), id.issuer(), at, c.source());
  }

  /** Checks the SET bundle annotation of a legacy layer; returns the integrated time. */
  private static Instant legacySet(KeylessTrust log, Map<String, String> ann, byte[] payload, byte[] sig, Object signer)
      throws Reject {
    String bundle = ann.get(CosignFormats.ANN_BUNDLE);
    if (bundle == null) {
      throw new Reject("no transparency log evidence (" + CosignFormats.ANN_BUNDLE + " annotation missing)");
    }
    Map<String, @Nullable Object> doc = CosignFormats.object(bundle.getBytes(StandardCharsets.UTF_8), "bundle annotation");
    if (!(doc.get("SignedEntryTimestamp") instanceof String set) || !(doc.get("Payload") instanceof Map<?, ?> p)) {
      throw new Reject("bundle annotation lacks SignedEntryTimestamp or Payload");
    }
    if (!(p.get("body") instanceof String body) || !(p.get("logID") instanceof String logId)) {
      throw new Reject("bundle annotation payload lacks body or logID");
    }
    long integratedTime;
    long logIndex;
    try {
      integratedTime = RekorEntries.number(p.get("integratedTime"));
      logIndex = RekorEntries.number(p.get("logIndex"));
    } catch (RuntimeException e) {
      throw new Reject("bundle annotation has malformed numbers");
    }
    log.verifySet(body, integratedTime, logIndex, logId, set);
    RekorEntries.checkBody(body, "hashedrekord", HexFormat.of().formatHex(Keys.sha256(payload)), sig, signer);
    return Instant.ofEpochSecond(integratedTime);
  }

  /**
   * Checks a bundle's first tlog entry (inclusion proof, checkpoint, SET when present, body) and
   * returns the trusted signing time: the SET's integrated time, else the time of a verified
   * RFC 3161 timestamp over the signature (Rekor v2 bundles carry no SET).
   */
  private static Instant bundleEntry(KeylessTrust log, Map<?, ?> vm, String kind, String hash, byte[] sig, Object signer)
      throws Reject {
    if (!(vm.get("tlogEntries") instanceof List<?> entries) || entries.isEmpty() || !(entries.get(0) instanceof Map<?, ?> e)) {
      throw new Reject("no transparency log entry in the bundle");
    }
    RekorEntry entry = RekorEntries.fromBundle(e);
    if (!RekorEntries.hasProof(entry)) {
      throw new Reject("transparency log entry has no inclusion proof");
    }
    List<byte[]> tsas = timestamps(vm);
    if (!RekorEntries.hasSet(entry) && tsas.isEmpty()) {
      // Without a SET or a timestamp the integrated time is unauthenticated.
      throw new Reject("no trusted time: the log entry has no signed entry timestamp (SET) and there is no RFC 3161 timestamp");
    }
    log.verifyEntry(entry);
    RekorEntries.checkBody(entry.getBody(), kind, hash, sig, signer);
    if (RekorEntries.hasSet(entry)) {
      return entry.getIntegratedTimeInstant();
    }
    @Nullable Reject last = null;
    for (byte[] tsa : tsas) {
      try {
        return log.verifyTimestamp(tsa, sig);
      } catch (Reject r) {
        last = r;
      }
    }
    throw Objects.requireNonNull(last);
  }

  /** The RFC 3161 timestamp responses of a bundle (at most 16: a bundle normally has one). */
  private static List<byte[]> timestamps(Map<?, ?> vm) throws Reject {
    List<byte[]> out = new ArrayList<>();
    if (vm.get("timestampVerificationData") instanceof Map<?, ?> tvd && tvd.get("rfc3161Timestamps") instanceof List<?> list) {
      for (Object o : list) {
        if (out.size() < 16 && o instanceof Map<?, ?> m && m.get("signedTimestamp") instanceof String b64) {
          out.add(base64(b64, "RFC 3161 timestamp"));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ Sigstore bundles

  private Accepted bundle(Candidate.BundleCandidate c, String digest, Supplier<byte[]> subjectManifest) throws Reject {
    Map<String, @Nullable Object> doc = CosignFormats.object(c.json(), "bundle");
    if (!(doc.get("mediaType") instanceof String mt) || !mt.startsWith(CosignFormats.BUNDLE_PREFIX)) {
      throw new Reject("not a Sigstore bundle (mediaType " + doc.get("mediaType") + ")");
    }
    if (!(doc.get("verificationMaterial") instanceof Map<?, ?> vm)) {
      throw new Reject("bundle has no verificationMaterial");
    }
    // What was signed, and how the log must describe it.
    byte[] signed;
    byte[] sig;
    String bodyKind;
    String bodyHash;
    byte[] statement = null;
    if (doc.get("dsseEnvelope") instanceof Map<?, ?> env) {
      if (!CosignFormats.IN_TOTO.equals(env.get("payloadType"))) {
        throw new Reject("DSSE payload type " + env.get("payloadType") + " is not in-toto");
      }
      if (!(env.get("signatures") instanceof List<?> sigs) || sigs.size() != 1 || !(sigs.get(0) instanceof Map<?, ?> s)
          || !(s.get("sig") instanceof String sb64) || !(env.get("payload") instanceof String pb64)) {
        throw new Reject("DSSE envelope must have a payload and exactly one signature");
      }
      statement = base64(pb64, "DSSE payload");
      signed = CosignFormats.pae(CosignFormats.IN_TOTO, statement);
      sig = base64(sb64, "DSSE signature");
      bodyKind = "dsse";
      bodyHash = HexFormat.of().formatHex(Keys.sha256(statement));
    } else if (doc.get("messageSignature") instanceof Map<?, ?> ms) {
      // A message signature over the subject manifest itself (sha256 of its bytes is the digest).
      if (!(ms.get("messageDigest") instanceof Map<?, ?> md) || !"SHA2_256".equals(md.get("algorithm"))
          || !(md.get("digest") instanceof String mdb64)) {
        throw new Reject("message signature without a SHA2_256 message digest");
      }
      String hex = Digests.hex(digest);
      if (!HexFormat.of().formatHex(base64(mdb64, "message digest")).equals(hex)) {
        throw new Reject("message signature is over another digest");
      }
      if (!(ms.get("signature") instanceof String sb64)) {
        throw new Reject("message signature has no signature");
      }
      sig = base64(sb64, "signature");
      signed = subjectManifest.get();
      bodyKind = "hashedrekord";
      bodyHash = hex;
    } else {
      throw new Reject("bundle has neither a DSSE envelope nor a message signature");
    }

    Accepted accepted;
    if (vm.get("publicKey") instanceof Map<?, ?>) {
      PublicKey key = verifyWithKeys(signed, sig);
      @Nullable Instant at = keyLog == null ? null : bundleEntry(keyLog, vm, bodyKind, bodyHash, sig, key);
      accepted = new Accepted(SignatureScheme.SIGSTORE_BUNDLE, false, Keys.fingerprint(key), null, at, c.source());
    } else {
      accepted = bundleKeyless(c, vm, signed, sig, bodyKind, bodyHash);
    }
    if (statement != null) {
      CosignFormats.checkStatement(statement, digest);
    }
    return accepted;
  }

  private Accepted bundleKeyless(Candidate.BundleCandidate c, Map<?, ?> vm, byte[] signed, byte[] sig, String kind, String hash)
      throws Reject {
    KeylessTrust trust = requireKeyless();
    List<X509Certificate> chain = new ArrayList<>();
    try {
      if (vm.get("certificate") instanceof Map<?, ?> cert && cert.get("rawBytes") instanceof String raw) {
        chain.add(Keys.certificate(base64(raw, "certificate")));
      } else if (vm.get("x509CertificateChain") instanceof Map<?, ?> xc && xc.get("certificates") instanceof List<?> certs) {
        for (Object o : certs) {
          if (o instanceof Map<?, ?> m && m.get("rawBytes") instanceof String raw) {
            chain.add(Keys.certificate(base64(raw, "certificate")));
          }
        }
      }
    } catch (CertificateException e) {
      throw new Reject("unreadable certificate", e);
    }
    if (chain.isEmpty()) {
      throw new Reject("bundle has no public key and no certificate");
    }
    X509Certificate leaf = trust.verifyCertificate(chain);
    CertIdentity id = checkIdentity(leaf);
    if (!Keys.verify(leaf.getPublicKey(), signed, sig)) {
      throw new Reject("signature does not verify with the certificate's key (tampered content or signature)");
    }
    Instant at = bundleEntry(trust, vm, kind, hash, sig, leaf);
    KeylessTrust.checkValidAt(leaf, at);
    return new Accepted(SignatureScheme.SIGSTORE_BUNDLE, true, id.subject(), id.issuer(), at, c.source());
  }

  // ------------------------------------------------------------------ shared

  private KeylessTrust requireKeyless() throws Reject {
    if (keyless == null) {
      throw new Reject("keyless (certificate) signature, but no trusted root is configured");
    }
    if (identities.isEmpty()) {
      throw new Reject("keyless (certificate) signature, but no accepted identity is configured");
    }
    return keyless;
  }

  private CertIdentity checkIdentity(X509Certificate leaf) throws Reject {
    CertIdentity id = CertIdentity.of(leaf);
    for (Identity allowed : identities) {
      if (allowed.matches(id.subject(), id.issuer())) {
        return id;
      }
    }
    throw new Reject("signer " + id.subject() + " (issuer " + id.issuer() + ") is not an accepted identity " + identities);
  }

  private PublicKey verifyWithKeys(byte[] data, byte[] sig) throws Reject {
    if (keys.isEmpty()) {
      throw new Reject("public-key signature, but no public key is configured");
    }
    for (PublicKey k : keys) {
      if (Keys.verify(k, data, sig)) {
        return k;
      }
    }
    throw new Reject("signature does not verify with any configured public key (wrong key or tampered content)");
  }

  private static byte[] base64(String value, String what) throws Reject {
    try {
      return Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new Reject(what + " is not valid base64");
    }
  }
}
