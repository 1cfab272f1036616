package dev.spo.oci.sign.internal;

import dev.spo.oci.RegistryException;
import dev.spo.oci.internal.Digests;
import dev.spo.oci.internal.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** cosign's storage formats: tags, media types, annotations, simplesigning payloads, in-toto statements, DSSE PAE. */
public final class CosignFormats {
  public static final String SIMPLESIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
  public static final String IMAGE_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String ANN_SIGNATURE = "dev.cosignproject.cosign/signature";
  public static final String ANN_CERTIFICATE = "dev.sigstore.cosign/certificate";
  public static final String ANN_CHAIN = "dev.sigstore.cosign/chain";
  public static final String ANN_BUNDLE = "dev.sigstore.cosign/bundle";
  public static final String SIMPLESIGNING_TYPE = "cosign container image signature";

  public static final String BUNDLE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
  public static final String BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
  public static final String ANN_BUNDLE_CONTENT = "dev.sigstore.bundle.content";
  public static final String ANN_BUNDLE_PREDICATE = "dev.sigstore.bundle.predicateType";
  public static final String IN_TOTO = "application/vnd.in-toto+json";
  public static final String STATEMENT_V1 = "https://in-toto.io/Statement/v1";
  public static final String COSIGN_SIGN_PREDICATE = "https://sigstore.dev/cosign/sign/v1";

  private CosignFormats() {}

  /** cosign's legacy signature tag for a digest: {@code sha256-<hex>.sig}. */
  public static String legacyTag(String digest) {
    return digest.replace(':', '-') + ".sig";
  }

  /** The OCI referrers tag-schema fallback tag: {@code sha256-<hex>}. */
  public static String referrersTag(String digest) {
    return digest.replace(':', '-');
  }

  /** A simplesigning payload, fields in cosign's order. */
  public static byte[] simpleSigningPayload(String dockerReference, String digest, @Nullable Map<String, String> optional) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("docker-reference", dockerReference);
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("docker-manifest-digest", digest);
    Map<String, Object> critical = new LinkedHashMap<>();
    critical.put("identity", identity);
    critical.put("image", image);
    critical.put("type", SIMPLESIGNING_TYPE);
    Map<String, @Nullable Object> doc = new LinkedHashMap<>();
    doc.put("critical", critical);
    doc.put("optional", optional == null || optional.isEmpty() ? null : new LinkedHashMap<>(optional));
    return Json.write(doc);
  }

  /** The claims of a simplesigning payload. */
  public record SimpleSigningClaims(String digest, @Nullable String dockerReference) {}

  /**
   * Parses a simplesigning payload (with a JSON parser, never by comparing bytes: field order and
   * whitespace are the signer's).
   */
  public static SimpleSigningClaims parseSimpleSigning(byte[] payload) throws Reject {
    Map<String, @Nullable Object> doc = object(payload, "simplesigning payload");
    if (!(doc.get("critical") instanceof Map<?, ?> critical)) {
      throw new Reject("payload has no 'critical' object");
    }
    if (!SIMPLESIGNING_TYPE.equals(critical.get("type"))) {
      throw new Reject("payload type is not '" + SIMPLESIGNING_TYPE + "'");
    }
    if (!(critical.get("image") instanceof Map<?, ?> image) || !(image.get("docker-manifest-digest") instanceof String digest)) {
      throw new Reject("payload has no critical.image.docker-manifest-digest");
    }
    String ref = critical.get("identity") instanceof Map<?, ?> id && id.get("docker-reference") instanceof String s ? s : null;
    return new SimpleSigningClaims(digest, ref);
  }

  /**
   * cosign 3's signing statement for an image digest. Unlike cosign we add the subject {@code
   * name}: harmless to cosign, and it keeps sigstore-java's own verifier usable.
   */
  public static byte[] statement(String name, String digest) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("sha256", Digests.hex(digest));
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("name", name);
    subject.put("digest", d);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("_type", STATEMENT_V1);
    doc.put("subject", List.of(subject));
    doc.put("predicateType", COSIGN_SIGN_PREDICATE);
    doc.put("predicate", Map.of());
    return Json.write(doc);
  }

  /**
   * Checks an in-toto statement: the predicate is cosign's signing predicate and a subject's
   * sha256 equals the digest.
   */
  public static void checkStatement(byte[] payload, String digest) throws Reject {
    Map<String, @Nullable Object> doc = object(payload, "in-toto statement");
    Object type = doc.get("_type");
    if (!STATEMENT_V1.equals(type) && !"https://in-toto.io/Statement/v0.1".equals(type)) {
      throw new Reject("not an in-toto statement (_type " + type + ")");
    }
    if (!COSIGN_SIGN_PREDICATE.equals(doc.get("predicateType"))) {
      throw new Reject("predicate type " + doc.get("predicateType") + " is not " + COSIGN_SIGN_PREDICATE);
    }
    if (!(doc.get("subject") instanceof List<?> subjects)) {
      throw new Reject("statement has no subject list");
    }
    String hex = Digests.hex(digest);
    for (Object s : subjects) {
      if (s instanceof Map<?, ?> m && m.get("digest") instanceof Map<?, ?> d && hex.equals(d.get("sha256"))) {
        return;
      }
    }
    throw new Reject("statement subject does not name " + digest + " (signature for another digest)");
  }

  /** DSSE pre-authentication encoding, with byte (not character) lengths. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] head = ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
    out.write(head, 0, head.length);
    out.write(type, 0, type.length);
    byte[] mid = (" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII);
    out.write(mid, 0, mid.length);
    out.write(payload, 0, payload.length);
    return out.toByteArray();
  }

  /** Parses a JSON object, turning parse errors into a rejection. */
  public static Map<String, @Nullable Object> object(byte[] json, String what) throws Reject {
    try {
      return Json.readObject(json, what);
    } catch (RegistryException e) {
      throw new Reject(what + " is not valid JSON: " + e.getMessage());
    }
  }
}
