package dev.spo.oci.internal;

import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.MediaTypes;
import dev.spo.oci.OciReference;
import dev.spo.oci.RegistryException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One registry repository over the distribution API. Every manifest and blob body is hashed and
 * compared with the digest asked for (or, for a tag, with the registry's {@code
 * Docker-Content-Digest} when it sends one), and every size limit is applied before and while
 * reading.
 */
public final class RegistryTransport implements Transport {
  private static final String ACCEPT =
      String.join(
          ", ", MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST);

  private final RegistryHttp http;
  private final OciReference repo;
  private final URI base;
  private final String pullScope;
  private final String pushScope;

  public RegistryTransport(RegistryHttp http, OciReference repo) {
    this.http = http;
    this.repo = repo;
    this.base = http.base(repo.apiHost());
    this.pullScope = "repository:" + repo.repository() + ":pull";
    this.pushScope = "repository:" + repo.repository() + ":pull,push";
  }

  @Override
  public String location() {
    return repo.name();
  }

  private URI uri(String path) {
    return base.resolve("/v2/" + repo.repository() + path);
  }

  @Override
  public Optional<ManifestContent> manifest(String tagOrDigest, long maxBytes) {
    String ref = repo.name() + (OciReference.isDigest(tagOrDigest) ? "@" : ":") + tagOrDigest;
    RegistryHttp.Response r =
        http.send(
            repo.registry(), "GET", uri("/manifests/" + tagOrDigest), Map.of("Accept", ACCEPT), null, maxBytes, pullScope, ref);
    if (r.status() == 404) {
      return Optional.empty();
    }
    expect(r, 200, ref, "cannot fetch manifest");
    byte[] bytes = r.body();
    String actual = Digests.sha256(bytes);
    if (OciReference.isDigest(tagOrDigest)) {
      Digests.verify(tagOrDigest, bytes, ref);
    } else {
      String claimed = r.header("Docker-Content-Digest");
      if (claimed != null && claimed.startsWith("sha256:") && !claimed.equals(actual)) {
        throw new RegistryException(
            RegistryException.Reason.DIGEST_MISMATCH,
            ref,
            200,
            null,
            "registry says the manifest is " + claimed + " but its body hashes to " + actual);
      }
    }
    String contentType = r.header("Content-Type");
    if (contentType != null) {
      contentType = contentType.split(";", 2)[0].strip();
    }
    String mediaType = Manifests.mediaTypeOf(Json.readObject(bytes, ref), contentType);
    return Optional.of(new ManifestContent(mediaType, actual, bytes));
  }

  @Override
  public byte[] blob(String digest, long maxBytes) {
    String ref = repo.name() + "@" + digest;
    RegistryHttp.Response r = http.send(repo.registry(), "GET", uri("/blobs/" + digest), Map.of(), null, maxBytes, pullScope, ref);
    expect(r, 200, ref, "cannot fetch blob");
    Digests.verify(digest, r.body(), ref);
    return r.body();
  }

  @Override
  public List<Descriptor> referrers(String digest, @Nullable String artifactType, int maxEntries, long maxBytes) {
    String ref = repo.name() + "@" + digest + " (referrers)";
    if (http.lacksReferrersApi(repo.registry())) {
      return Referrers.fromFallback(this, digest, artifactType, maxEntries, maxBytes);
    }
    String query =
        artifactType == null ? "" : "?artifactType=" + URLEncoder.encode(artifactType, StandardCharsets.UTF_8);
    RegistryHttp.Response r =
        http.send(
            repo.registry(),
            "GET",
            uri("/referrers/" + digest + query),
            Map.of("Accept", MediaTypes.OCI_INDEX),
            null,
            maxBytes,
            pullScope,
            ref);
    if (r.status() == 404) {
      // No referrers API (Distribution 2.8 answers 404 for the unknown route): use the tag schema.
      http.markLacksReferrersApi(repo.registry());
      return Referrers.fromFallback(this, digest, artifactType, maxEntries, maxBytes);
    }
    expect(r, 200, ref, "cannot list referrers");
    return Referrers.fromIndex(r.body(), ref, artifactType, maxEntries, maxBytes);
  }

  @Override
  public boolean hasBlob(String digest) {
    String ref = repo.name() + "@" + digest;
    RegistryHttp.Response r = http.send(repo.registry(), "HEAD", uri("/blobs/" + digest), Map.of(), null, 0, pushScope, ref);
    if (r.status() == 404) {
      return false;
    }
    expect(r, 200, ref, "cannot check blob");
    return true;
  }

  @Override
  public void putBlob(String digest, String mediaType, byte[] bytes) {
    String ref = repo.name() + "@" + digest;
    RegistryHttp.Response start =
        http.send(repo.registry(), "POST", uri("/blobs/uploads/"), Map.of(), new byte[0], 0, pushScope, ref);
    expect(start, 202, ref, "cannot start blob upload");
    String location = start.header("Location");
    if (location == null) {
      throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, 202, null, "upload session without Location");
    }
    URI session = start.uri().resolve(location);
    String sep = session.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(session + sep + "digest=" + digest.replace(":", "%3A"));
    if (!put.getHost().equals(base.getHost())) {
      throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, 202, null, "upload session on another host: " + put.getHost());
    }
    RegistryHttp.Response done =
        http.send(
            repo.registry(), "PUT", put, Map.of("Content-Type", "application/octet-stream"), bytes, 0, pushScope, ref);
    expect(done, 201, ref, "blob upload failed");
  }

  @Override
  public void putManifest(@Nullable String tag, String digest, String mediaType, byte[] bytes) {
    String id = tag != null ? tag : digest;
    String ref = repo.name() + (tag != null ? ":" + tag : "@" + digest);
    RegistryHttp.Response r =
        http.send(repo.registry(), "PUT", uri("/manifests/" + id), Map.of("Content-Type", mediaType), bytes, 0, pushScope, ref);
    expect(r, 201, ref, "manifest upload failed");
    String stored = r.header("Docker-Content-Digest");
    if (stored != null && !stored.equals(digest)) {
      throw new RegistryException(
          RegistryException.Reason.DIGEST_MISMATCH, ref, 201, null, "registry stored the manifest as " + stored + ", expected " + digest);
    }
  }

  private static void expect(RegistryHttp.Response r, int status, String ref, String what) {
    if (r.status() == status) {
      return;
    }
    RegistryException.Reason reason =
        switch (r.status()) {
          case 401, 403 -> RegistryException.Reason.UNAUTHORIZED;
          case 404 -> RegistryException.Reason.NOT_FOUND;
          default -> RegistryException.Reason.HTTP_STATUS;
        };
    throw new RegistryException(reason, ref, r.status(), r.errorBody(), what);
  }
}
