package dev.spo.oci.sign.internal;

import dev.spo.core.SpoException;
import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciLimits;
import dev.spo.oci.OciRepository;
import dev.spo.oci.internal.Digests;
import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.sign.SignatureException;
import dev.spo.oci.sign.SignatureFormat;
import dev.spo.oci.sign.SignedArtifact;
import dev.spo.oci.sign.SigningOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds and publishes cosign signatures. A {@link Backend} supplies the cryptography and the
 * verification material (public-key hint, or certificate plus transparency-log evidence); this
 * class writes the payloads, the legacy {@code .sig} manifest (merged with the signatures already
 * there) and the bundle referrer plus its tag-schema index entry.
 */
public final class SignatureWriter {
  private static final long MAX_MANIFEST = 4L << 20;
  private static final int MAX_LAYERS = 1000;

  /** The signing side: a key, or a certificate with log entries. */
  public interface Backend {
    /** Who signs, for results. */
    String signer();

    /** Signs {@code data} (SHA-256 with the backend's key). */
    byte[] sign(byte[] data);

    /** Annotations proving a legacy signature: certificate, chain, SET bundle; empty for keys. */
    Map<String, String> legacyAnnotations(byte[] payload, byte[] signature);

    /** The bundle's {@code verificationMaterial} for a DSSE signature over {@code statement}. */
    Map<String, Object> bundleMaterial(byte[] statement, byte[] signature);

    /**
     * The bundle to attach as a referrer of {@code digest}: by default cosign 3's, a DSSE
     * envelope over the signing statement naming {@code name}.
     */
    default ReferrerBundle referrerBundle(String name, String digest, byte[] subjectManifest) {
      byte[] statement = CosignFormats.statement(name, digest);
      byte[] sig = sign(CosignFormats.pae(CosignFormats.IN_TOTO, statement));
      return new ReferrerBundle(dsseBundle(bundleMaterial(statement, sig), statement, sig), "dsse-envelope");
    }
  }

  /**
   * A bundle ready to attach.
   *
   * @param json the bundle JSON
   * @param content {@code dsse-envelope} or {@code message-signature} (the referrer's {@code dev.sigstore.bundle.content})
   */
  public record ReferrerBundle(byte[] json, String content) {
    public ReferrerBundle {
      json = json.clone();
    }

    @Override
    public byte[] json() {
      return json.clone();
    }
  }

  private SignatureWriter() {}

  /** Signs and publishes {@code digest} in every requested form. */
  public static SignedArtifact publish(OciRepository repo, String digest, SigningOptions options, Backend backend) {
    ManifestContent subject;
    try {
      subject =
          repo.manifest(digest, MAX_MANIFEST)
              .orElseThrow(() -> new SignatureException("cannot sign " + repo.location() + "@" + digest + ": no such manifest"));
    } catch (SpoException e) {
      if (e instanceof SignatureException se) {
        throw se;
      }
      throw new SignatureException("cannot read " + repo.location() + "@" + digest + " to sign it: " + e.getMessage(), e);
    }
    String name = options.dockerReference() != null ? options.dockerReference() : repo.location();
    List<SignedArtifact.Published> out = new ArrayList<>();
    try {
      if (options.formats().contains(SignatureFormat.BUNDLE_REFERRER)) {
        ReferrerBundle bundle = backend.referrerBundle(name, digest, subject.bytes());
        out.add(publishBundle(repo, Descriptor.of(subject.mediaType(), digest, subject.size()), bundle.json(), bundle.content()));
      }
      if (options.formats().contains(SignatureFormat.LEGACY_SIG_TAG)) {
        byte[] payload = CosignFormats.simpleSigningPayload(name, digest, options.annotations());
        byte[] sig = backend.sign(payload);
        Map<String, String> ann = new TreeMap<>(backend.legacyAnnotations(payload, sig));
        ann.put(CosignFormats.ANN_SIGNATURE, Base64.getEncoder().encodeToString(sig));
        out.add(publishLegacy(repo, digest, payload, ann));
      }
    } catch (SignatureException e) {
      throw e;
    } catch (SpoException | IllegalArgumentException | IllegalStateException e) {
      throw new SignatureException("signing " + repo.location() + "@" + digest + " failed: " + e.getMessage(), e);
    }
    return new SignedArtifact(repo.location(), digest, backend.signer(), out);
  }

  /** A bundle v0.3 JSON with a DSSE envelope. */
  public static byte[] dsseBundle(Map<String, Object> material, byte[] statement, byte[] sig) {
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("sig", Base64.getEncoder().encodeToString(sig));
    signature.put("keyid", "");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("payload", Base64.getEncoder().encodeToString(statement));
    envelope.put("payloadType", CosignFormats.IN_TOTO);
    envelope.put("signatures", List.of(signature));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("mediaType", CosignFormats.BUNDLE_V03);
    doc.put("verificationMaterial", material);
    doc.put("dsseEnvelope", envelope);
    return Json.write(doc);
  }

  /**
   * Adds one simplesigning layer to the {@code sha256-<hex>.sig} manifest, keeping the layers
   * already there (a layer with the same payload and signature is not added twice). Like cosign
   * this is read-modify-write: concurrent signers can lose each other's layer.
   */
  public static SignedArtifact.Published publishLegacy(OciRepository repo, String digest, byte[] payload, Map<String, String> annotations) {
    String tag = CosignFormats.legacyTag(digest);
    List<Descriptor> layers = new ArrayList<>();
    Optional<ManifestContent> existing = repo.manifest(tag, MAX_MANIFEST);
    if (existing.isPresent()) {
      Map<String, @Nullable Object> doc = Json.readObject(existing.get().bytes(), repo.location() + ":" + tag);
      layers.addAll(Manifests.parseManifest(doc, repo.location() + ":" + tag, new OciLimits(1, MAX_MANIFEST, MAX_LAYERS)).layers());
    }
    String payloadDigest = Digests.sha256(payload);
    Descriptor layer = new Descriptor(CosignFormats.SIMPLESIGNING, payloadDigest, payload.length, null, annotations, null);
    boolean duplicate = layers.stream().anyMatch(d -> d.digest().equals(payloadDigest) && d.annotations().equals(layer.annotations()));
    if (!duplicate) {
      layers.add(layer);
    }
    if (layers.size() > MAX_LAYERS) {
      throw new SignatureException(repo.location() + ":" + tag + " already holds " + MAX_LAYERS + " signatures");
    }
    putBlob(repo, payloadDigest, CosignFormats.SIMPLESIGNING, payload);
    // An image config like cosign's (go-containerregistry's empty image plus the layers), so
    // tools that treat the .sig manifest as an image can read it.
    List<String> diffIds = new ArrayList<>();
    for (Descriptor d : layers) {
      diffIds.add(d.digest());
    }
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "");
    config.put("created", "0001-01-01T00:00:00Z");
    config.put("os", "");
    config.put("rootfs", rootfs);
    config.put("config", Map.of());
    byte[] configBytes = Json.write(config);
    String configDigest = Digests.sha256(configBytes);
    putBlob(repo, configDigest, CosignFormats.IMAGE_CONFIG, configBytes);
    byte[] manifest =
        Manifests.writeManifest(null, Descriptor.of(CosignFormats.IMAGE_CONFIG, configDigest, configBytes.length), layers, Map.of());
    String manifestDigest = Digests.sha256(manifest);
    repo.putManifest(tag, manifestDigest, MediaTypes.OCI_MANIFEST, manifest);
    return new SignedArtifact.Published(SignatureFormat.LEGACY_SIG_TAG, manifestDigest, tag);
  }

  /**
   * Pushes a bundle as a referrer of {@code subject} (by digest, cosign 3's layout) and lists it
   * in the referrers tag-schema index {@code sha256-<hex>}, as go-containerregistry does for
   * registries without the referrers API.
   */
  public static SignedArtifact.Published publishBundle(OciRepository repo, Descriptor subject, byte[] bundle) {
    return publishBundle(repo, subject, bundle, "dsse-envelope");
  }

  /** As {@link #publishBundle(OciRepository, Descriptor, byte[])}, for a bundle with the given content kind. */
  public static SignedArtifact.Published publishBundle(OciRepository repo, Descriptor subject, byte[] bundle, String content) {
    byte[] empty = "{}".getBytes(StandardCharsets.US_ASCII);
    putBlob(repo, MediaTypes.EMPTY_DIGEST, MediaTypes.OCI_EMPTY, empty);
    String bundleDigest = Digests.sha256(bundle);
    putBlob(repo, bundleDigest, CosignFormats.BUNDLE_V03, bundle);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mediaType", MediaTypes.OCI_EMPTY);
    config.put("artifactType", CosignFormats.BUNDLE_V03);
    config.put("digest", MediaTypes.EMPTY_DIGEST);
    config.put("size", 2);
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("mediaType", CosignFormats.BUNDLE_V03);
    layer.put("digest", bundleDigest);
    layer.put("size", bundle.length);
    Map<String, Object> subj = new LinkedHashMap<>();
    subj.put("mediaType", subject.mediaType());
    subj.put("digest", subject.digest());
    subj.put("size", subject.size());
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(CosignFormats.ANN_BUNDLE_CONTENT, content);
    if (content.equals("dsse-envelope")) {
      annotations.put(CosignFormats.ANN_BUNDLE_PREDICATE, CosignFormats.COSIGN_SIGN_PREDICATE);
    }
    annotations.put(MediaTypes.ANNOTATION_CREATED, "1970-01-01T00:00:00Z");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 2);
    doc.put("mediaType", MediaTypes.OCI_MANIFEST);
    doc.put("artifactType", CosignFormats.BUNDLE_V03);
    doc.put("config", config);
    doc.put("layers", List.of(layer));
    doc.put("subject", subj);
    doc.put("annotations", annotations);
    byte[] manifest = Json.write(doc);
    String manifestDigest = Digests.sha256(manifest);
    repo.putManifest(null, manifestDigest, MediaTypes.OCI_MANIFEST, manifest);

    String tag = CosignFormats.referrersTag(subject.digest());
    List<Descriptor> entries = new ArrayList<>();
    Optional<ManifestContent> existing = repo.manifest(tag, MAX_MANIFEST);
    if (existing.isPresent()) {
      Map<String, @Nullable Object> index = Json.readObject(existing.get().bytes(), repo.location() + ":" + tag);
      entries.addAll(Manifests.parseIndex(index, repo.location() + ":" + tag, new OciLimits(1, MAX_MANIFEST, MAX_LAYERS)));
    }
    if (entries.stream().noneMatch(d -> d.digest().equals(manifestDigest))) {
      entries.add(new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.length, CosignFormats.BUNDLE_V03, annotations, null));
    }
    if (entries.size() > MAX_LAYERS) {
      throw new SignatureException(repo.location() + ":" + tag + " already lists " + MAX_LAYERS + " referrers");
    }
    byte[] indexBytes = Manifests.writeIndex(entries);
    repo.putManifest(tag, Digests.sha256(indexBytes), MediaTypes.OCI_INDEX, indexBytes);
    return new SignedArtifact.Published(SignatureFormat.BUNDLE_REFERRER, manifestDigest, tag);
  }

  private static void putBlob(OciRepository repo, String digest, String mediaType, byte[] bytes) {
    if (!repo.hasBlob(digest)) {
      repo.putBlob(digest, mediaType, bytes);
    }
  }
}
