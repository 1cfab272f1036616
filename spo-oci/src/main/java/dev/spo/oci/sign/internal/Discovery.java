package dev.spo.oci.sign.internal;

import dev.spo.core.SpoException;
import dev.spo.oci.ContentReader;
import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.OciLimits;
import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.Manifests;
import dev.spo.oci.sign.SignatureLimits;
import dev.spo.oci.sign.SignatureVerification.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds signature candidates for a digest where cosign puts them: bundle referrers listed in the
 * OCI referrers tag-schema index {@code sha256-<hex>} (the fallback cosign 3 and
 * go-containerregistry use on registries without the referrers API, such as Distribution 2.8),
 * then the legacy {@code sha256-<hex>.sig} manifest. Counts and sizes are bounded before anything
 * is read; what is skipped is reported as a rejection, never silently dropped.
 */
public final class Discovery {
  /** The candidates found and the ones refused before any cryptography. */
  public record Found(List<Candidate> candidates, List<Rejection> rejected) {
    public Found {
      candidates = List.copyOf(candidates);
      rejected = List.copyOf(rejected);
    }
  }

  private Discovery() {}

  /** Bundle referrers only (cosign 3 looks here first). */
  public static Found bundles(ContentReader reader, String digest, SignatureLimits limits) {
    List<Candidate> out = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    bundles(reader, digest, limits, out, rejected);
    return new Found(out, rejected);
  }

  /**
   * Legacy {@code .sig} layers only, after {@code already} candidates were taken elsewhere (the
   * candidate bound is shared).
   */
  public static Found legacy(ContentReader reader, String digest, SignatureLimits limits, int already) {
    List<Candidate> out = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    legacy(reader, digest, limits, already, out, rejected);
    return new Found(out, rejected);
  }

  private static void bundles(
      ContentReader reader, String digest, SignatureLimits limits, List<Candidate> out, List<Rejection> rejected) {
    String tag = CosignFormats.referrersTag(digest);
    String where = reader.location() + ":" + tag;
    Optional<ManifestContent> index;
    List<Descriptor> entries;
    try {
      index = reader.manifest(tag, limits.maxManifestBytes());
      if (index.isEmpty()) {
        return;
      }
      if (!Manifests.isIndex(index.get().mediaType())) {
        rejected.add(new Rejection(where, "referrers tag is not an index (" + index.get().mediaType() + ")"));
        return;
      }
      Map<String, @Nullable Object> doc = Json.readObject(index.get().bytes(), where);
      entries = Manifests.parseIndex(doc, where, new OciLimits(1, limits.maxManifestBytes(), limits.maxReferrers()));
    } catch (SpoException e) {
      rejected.add(new Rejection(where, "unreadable referrers index: " + e.getMessage()));
      return;
    }
    for (Descriptor d : entries) {
      String source = reader.location() + "@" + d.digest();
      String type = d.artifactType() != null ? d.artifactType() : "";
      if (!type.startsWith(CosignFormats.BUNDLE_PREFIX)) {
        continue; // other referrers (SBOMs, attestations of other kinds) are not signatures
      }
      if (out.size() >= limits.maxCandidates()) {
        rejected.add(new Rejection(source, "skipped: more than " + limits.maxCandidates() + " signature candidates"));
        continue;
      }
      try {
        bundle(reader, digest, d, source, limits).ifPresent(out::add);
      } catch (Reject e) {
        rejected.add(new Rejection(source, e.getMessage()));
      } catch (SpoException e) {
        rejected.add(new Rejection(source, "unreadable: " + e.getMessage()));
      }
    }
  }

  private static Optional<Candidate> bundle(
      ContentReader reader, String digest, Descriptor d, String source, SignatureLimits limits) throws Reject {
    if (d.size() > limits.maxManifestBytes()) {
      throw new Reject("referrer manifest of " + d.size() + " bytes exceeds " + limits.maxManifestBytes());
    }
    ManifestContent m = reader.manifest(d.digest(), limits.maxManifestBytes()).orElseThrow(() -> new Reject("referrer manifest missing"));
    Map<String, @Nullable Object> doc = Json.readObject(m.bytes(), source);
    // The index is only a hint: the referrer itself must say which manifest it refers to.
    if (!(doc.get("subject") instanceof Map<?, ?> subject) || !digest.equals(subject.get("digest"))) {
      throw new Reject("referrer's subject is not " + digest);
    }
    Manifests.ImageManifest manifest = Manifests.parseManifest(doc, source, new OciLimits(1, limits.maxManifestBytes(), 1));
    if (manifest.layers().size() != 1) {
      throw new Reject("bundle referrer must have exactly one layer, has " + manifest.layers().size());
    }
    Descriptor layer = manifest.layers().get(0);
    if (!layer.mediaType().startsWith(CosignFormats.BUNDLE_PREFIX)) {
      throw new Reject("bundle layer has media type " + layer.mediaType());
    }
    if (layer.size() > limits.maxSignatureBytes()) {
      throw new Reject("bundle of " + layer.size() + " bytes exceeds the limit of " + limits.maxSignatureBytes());
    }
    return Optional.of(new Candidate.BundleCandidate(source, reader.blob(layer.digest(), limits.maxSignatureBytes())));
  }

  private static void legacy(
      ContentReader reader, String digest, SignatureLimits limits, int already, List<Candidate> out, List<Rejection> rejected) {
    String tag = CosignFormats.legacyTag(digest);
    String where = reader.location() + ":" + tag;
    Manifests.ImageManifest manifest;
    String manifestDigest;
    try {
      Optional<ManifestContent> m = reader.manifest(tag, limits.maxManifestBytes());
      if (m.isEmpty()) {
        return;
      }
      manifestDigest = m.get().digest();
      manifest =
          Manifests.parseManifest(
              Json.readObject(m.get().bytes(), where), where, new OciLimits(1, limits.maxManifestBytes(), limits.maxReferrers()));
    } catch (SpoException e) {
      rejected.add(new Rejection(where, "unreadable signature manifest: " + e.getMessage()));
      return;
    }
    int i = 0;
    for (Descriptor layer : manifest.layers()) {
      String source = reader.location() + "@" + manifestDigest + " layer " + i++;
      if (!CosignFormats.SIMPLESIGNING.equals(layer.mediaType())) {
        rejected.add(new Rejection(source, "not a simplesigning layer (" + layer.mediaType() + ")"));
        continue;
      }
      if (already + out.size() >= limits.maxCandidates()) {
        rejected.add(new Rejection(source, "skipped: more than " + limits.maxCandidates() + " signature candidates"));
        continue;
      }
      if (layer.size() > limits.maxSignatureBytes()) {
        rejected.add(new Rejection(source, "payload of " + layer.size() + " bytes exceeds the limit of " + limits.maxSignatureBytes()));
        continue;
      }
      try {
        out.add(new Candidate.Legacy(source, reader.blob(layer.digest(), limits.maxSignatureBytes()), layer.annotations()));
      } catch (SpoException e) {
        rejected.add(new Rejection(source, "unreadable payload: " + e.getMessage()));
      }
    }
  }
}
