package dev.spo.oci.sign.internal;

import dev.sigstore.rekor.client.RekorEntry;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rekor v1 log entries: reading a bundle's {@code tlogEntries[]} into sigstore-java's entry type,
 * and checking that an entry's body commits to the signature we verified (semantically, since
 * other signers may write the PEM differently).
 */
public final class RekorEntries {
  private RekorEntries() {}

  // Own implementations of sigstore-java's entry interfaces: its Immutables-generated classes
  // carry annotations whose classes are not on our compile path (javac warns, and we build with -Werror).
  record Entry(String getBody, long getIntegratedTime, String getLogID, long getLogIndex, RekorEntry.Verification getVerification)
      implements RekorEntry {}

  record Verification(@Nullable String getSignedEntryTimestamp, RekorEntry.@Nullable InclusionProof getInclusionProof)
      implements RekorEntry.Verification {}

  record Proof(List<String> getHashes, Long getLogIndex, String getRootHash, Long getTreeSize, String getCheckpoint)
      implements RekorEntry.InclusionProof {
    Proof {
      getHashes = List.copyOf(getHashes);
    }
  }

  /** A bundle tlog entry (protobuf JSON: bytes base64, int64 as strings, zero values omitted). */
  public static RekorEntry fromBundle(Map<?, ?> e) throws Reject {
    try {
      String body = string(e, "canonicalizedBody");
      Map<?, ?> logId = map(e, "logId");
      String logIdHex = HexFormat.of().formatHex(Base64.getDecoder().decode(string(logId, "keyId")));
      String set =
          e.get("inclusionPromise") instanceof Map<?, ?> promise && promise.get("signedEntryTimestamp") instanceof String s ? s : null;
      Proof proof = null;
      if (e.get("inclusionProof") instanceof Map<?, ?> p) {
        List<String> hashes = new ArrayList<>();
        if (p.get("hashes") instanceof List<?> list) {
          for (Object h : list) {
            hashes.add(HexFormat.of().formatHex(Base64.getDecoder().decode((String) h)));
          }
        }
        String checkpoint = p.get("checkpoint") instanceof Map<?, ?> cp && cp.get("envelope") instanceof String c ? c : "";
        proof =
            new Proof(
                hashes,
                number(p.get("logIndex")),
                HexFormat.of().formatHex(Base64.getDecoder().decode(string(p, "rootHash"))),
                number(p.get("treeSize")),
                checkpoint);
      }
      return new Entry(
          body, number(e.get("integratedTime")), logIdHex, number(e.get("logIndex")), new Verification(set, proof));
    } catch (IllegalArgumentException | ClassCastException | IllegalStateException ex) {
      throw new Reject("malformed transparency log entry", ex);
    }
  }

  /** Whether the entry carries an inclusion promise (SET), our trusted source of time. */
  public static boolean hasSet(RekorEntry entry) {
    return entry.getVerification().getSignedEntryTimestamp() != null;
  }

  /** Whether the entry carries an inclusion proof. */
  public static boolean hasProof(RekorEntry entry) {
    return entry.getVerification().getInclusionProof() != null;
  }

  /**
   * Checks that a log body records this signature: {@code hashedrekord} over {@code hashHex}, or
   * {@code dsse} with payload hash {@code hashHex}, made with {@code signature} by {@code signer}
   * (the leaf certificate, or the public key of a key signature).
   */
  public static void checkBody(String bodyB64, String kind, String hashHex, byte[] signature, Object signer) throws Reject {
    Map<String, @Nullable Object> body;
    try {
      body = CosignFormats.object(Base64.getDecoder().decode(bodyB64), "log entry body");
    } catch (IllegalArgumentException e) {
      throw new Reject("log entry body is not base64");
    }
    if (!kind.equals(body.get("kind"))) {
      throw new Reject("log entry kind is " + body.get("kind") + ", expected " + kind);
    }
    if (!(body.get("spec") instanceof Map<?, ?> spec)) {
      throw new Reject("log entry has no spec");
    }
    try {
      if (kind.equals("hashedrekord")) {
        Map<?, ?> hash = map(map(spec, "data"), "hash");
        Map<?, ?> sig = map(spec, "signature");
        requireEqual(hashHex, string(hash, "value"), "artifact hash");
        requireSame(signature, Base64.getDecoder().decode(string(sig, "content")));
        requireSigner(signer, string(map(sig, "publicKey"), "content"));
      } else {
        requireEqual(hashHex, string(map(spec, "payloadHash"), "value"), "payload hash");
        if (!(spec.get("signatures") instanceof List<?> sigs) || sigs.size() != 1) {
          throw new Reject("log entry must record exactly one signature");
        }
        Map<?, ?> s = (Map<?, ?>) sigs.get(0);
        requireSame(signature, Base64.getDecoder().decode(string(s, "signature")));
        requireSigner(signer, string(s, "verifier"));
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new Reject("malformed log entry body", e);
    }
  }

  private static void requireEqual(String expected, String actual, String what) throws Reject {
    if (!expected.equalsIgnoreCase(actual)) {
      throw new Reject("log entry " + what + " " + actual + " does not match the signed content (" + expected + ")");
    }
  }

  private static void requireSame(byte[] expected, byte[] actual) throws Reject {
    if (!Arrays.equals(expected, actual)) {
      throw new Reject("log entry records another signature");
    }
  }

  private static void requireSigner(Object signer, String pemB64) throws Reject {
    String pem = new String(Base64.getDecoder().decode(pemB64), StandardCharsets.UTF_8);
    if (signer instanceof PublicKey key) {
      List<byte[]> keys = Keys.pemBlocks(pem, "PUBLIC KEY");
      if (keys.size() == 1 && Arrays.equals(keys.get(0), key.getEncoded())) {
        return;
      }
      throw new Reject("log entry was made by another key");
    }
    X509Certificate leaf = (X509Certificate) signer;
    try {
      List<X509Certificate> certs = Keys.parseCertificates(pem);
      if (certs.size() == 1 && Arrays.equals(certs.get(0).getEncoded(), leaf.getEncoded())) {
        return;
      }
    } catch (CertificateException e) {
      throw new Reject("log entry certificate unreadable", e);
    }
    throw new Reject("log entry was made by another certificate");
  }

  private static Map<?, ?> map(Map<?, ?> m, String key) {
    if (m.get(key) instanceof Map<?, ?> v) {
      return v;
    }
    throw new IllegalArgumentException("missing " + key);
  }

  private static String string(Map<?, ?> m, String key) {
    if (m.get(key) instanceof String v) {
      return v;
    }
    throw new IllegalArgumentException("missing " + key);
  }

  /** An int64 that protobuf JSON writes as a string (or a number), omitted when zero. */
  static long number(@Nullable Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong((String) v);
  }
}
