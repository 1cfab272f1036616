package dev.spo.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.spo.core.codec.ProfileCodec;
import dev.spo.oci.internal.ArtifactPacker;
import dev.spo.oci.internal.ArtifactSelector;
import dev.spo.oci.internal.ContentCache;
import dev.spo.oci.internal.LayoutTransport;
import dev.spo.oci.internal.RegistryTransport;
import dev.spo.oci.internal.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pushes and pulls security profiles as OCI artifacts. References are either registry references
 * ({@code [oci://]registry/repository[:tag][@digest]}) or OCI image-layout references ({@code
 * oci-layout:<dir>[:tag|@digest]}), which need no registry at all.
 *
 * <p>A pull resolves the reference to a digest once and reads everything else by digest, hashes
 * every manifest and blob it reads, applies the size limits before reading bodies, enforces the
 * {@link SignaturePolicy} on the resolved digest, and then selects the profile for the requested
 * platform. Registry pulls go through a cache (content by digest, tags with a TTL).
 *
 * <pre>{@code
 * try (OciProfiles oci = OciProfiles.builder()
 *     .signaturePolicy(SignaturePolicy.insecureSkipVerification())
 *     .build()) {
 *   oci.push("oci-layout:/tmp/profiles:nginx", PushRequest.of(profile));
 *   Profile p = oci.pull("oci-layout:/tmp/profiles:nginx").profile();
 * }
 * }</pre>
 */
public final class OciProfiles implements AutoCloseable {
  private final RegistryClient registry;
  private final boolean ownsRegistry;
  private final SignaturePolicy policy;
  private final ProfileCodec codec;
  private final ContentCache cache;
  private final ArtifactPacker packer;
  private final ArtifactSelector selector;
  // Parsed references: parsing and validating a reference costs more than a cache hit itself.
  private final Cache<String, Target> targets = Caffeine.newBuilder().maximumSize(1000).executor(Runnable::run).build();

  private OciProfiles(Builder b) {
    this.ownsRegistry = b.registry == null;
    this.registry = b.registry != null ? b.registry : RegistryClient.builder().build();
    this.policy = b.policy;
    this.codec = b.codec;
    this.cache = new ContentCache(b.cache, b.ticker);
    this.packer = new ArtifactPacker(codec, b.env);
    this.selector = new ArtifactSelector(codec);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The signature policy pulls enforce. */
  public SignaturePolicy signaturePolicy() {
    return policy;
  }

  /**
   * Pushes a profile artifact and tags it.
   *
   * @param reference a tag reference (registry or {@code oci-layout:})
   * @throws ArtifactException when the request cannot be packed or the reference has a digest
   * @throws RegistryException when the upload fails
   */
  public PushResult push(String reference, PushRequest request) {
    Objects.requireNonNull(request, "request");
    Target target = target(reference);
    if (target.tag == null) {
      throw new ArtifactException(
          ArtifactException.Reason.INVALID_REQUEST, reference, "push needs a tag reference, not a digest");
    }
    ArtifactPacker.Packed packed = packer.pack(request, reference);
    for (ArtifactPacker.Blob blob : packed.blobs()) {
      if (!target.transport.hasBlob(blob.descriptor().digest())) {
        target.transport.putBlob(blob.descriptor().digest(), blob.descriptor().mediaType(), blob.bytes());
      }
    }
    target.transport.putManifest(target.tag, packed.manifestDigest(), MediaTypes.OCI_MANIFEST, packed.manifest());
    cache.invalidateTag(target.transport.location(), target.tag);
    return new PushResult(
        target.transport.location() + "@" + packed.manifestDigest(),
        target.tag,
        packed.manifestDigest(),
        packed.manifest().length,
        request.format());
  }

  /** Pulls the profile for the host platform with the default limits. */
  public PullResult pull(String reference) {
    return pull(reference, PullOptions.defaults());
  }

  /**
   * Pulls a profile.
   *
   * @throws RegistryException when content cannot be fetched or fails its digest or size checks
   * @throws SignatureVerificationException when the signature policy refuses the digest
   * @throws ArtifactException when the artifact has no usable profile for the platform
   */
  public PullResult pull(String reference, PullOptions options) {
    Objects.requireNonNull(options, "options");
    Target target = target(reference);
    ContentReader reader = target.cached ? cache.caching(target.transport) : target.transport;
    String id = target.digest != null ? target.digest : Objects.requireNonNull(target.tag);
    long maxManifest = options.limits().maxManifestBytes();
    ManifestContent root =
        reader
            .manifest(id, maxManifest)
            .orElseThrow(
                () ->
                    new RegistryException(
                        RegistryException.Reason.NOT_FOUND, reference, 404, null, "no such tag or digest: " + id));
    SignatureSubject subject =
        new SignatureSubject(reference, target.transport.location(), target.pinned(root.digest()), root.digest(), root.mediaType());
    // The signature is checked on the resolved digest before any layer is read, and everything
    // after this point is read by digest: a tag moved meanwhile changes nothing.
    VerificationResult verification = policy.enforce(subject, target.transport);
    ArtifactSelector.Selection s;
    if (target.cached) {
      s =
          cache.selection(
              target.transport.location(),
              root.digest(),
              options,
              () -> selector.select(reader, reference, root, options.platform(), options.limits(), target.profileName));
    } else {
      s = selector.select(reader, reference, root, options.platform(), options.limits(), target.profileName);
    }
    return new PullResult(
        reference, s.profile(), root.digest(), s.manifestDigest(), s.layerDigest(), s.platform(), s.format(), verification);
  }

  /**
   * Read and write access to the repository of {@code reference} (its tag or digest is ignored),
   * bypassing the cache; used to publish signatures next to an artifact.
   */
  public OciRepository repository(String reference) {
    return target(reference).transport;
  }

  /** Cache counters. */
  public CacheStatistics cacheStatistics() {
    cache.cleanUp();
    return cache.statistics();
  }

  /** Forgets the tag resolution of a registry reference, so the next pull asks the registry. */
  public void invalidate(String reference) {
    Target t = target(reference);
    if (t.tag != null) {
      cache.invalidateTag(t.transport.location(), t.tag);
    }
  }

  /** Empties the cache. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Closes the registry client if this instance created it. */
  @Override
  public void close() {
    if (ownsRegistry) {
      registry.close();
    }
  }

  private Target target(String reference) {
    Objects.requireNonNull(reference, "reference");
    return targets.get(reference, this::parseTarget);
  }

  private Target parseTarget(String reference) {
    if (LayoutReference.isLayoutReference(reference)) {
      LayoutReference ref = LayoutReference.parse(reference);
      Path dir = ref.directory();
      String name = dir.getFileName() == null ? "profile" : dir.getFileName().toString();
      return new Target(new LayoutTransport(dir), null, ref.tag(), ref.digest(), ArtifactSelector.profileName(name), false);
    }
    OciReference ref;
    try {
      ref = OciReference.parse(reference);
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(ArtifactException.Reason.INVALID_REQUEST, reference, e.getMessage(), List.of(), e);
    }
    return new Target(
        new RegistryTransport(registry.http(), ref),
        ref,
        ref.digest() != null ? null : ref.tag(),
        ref.digest(),
        ArtifactSelector.profileName(ref.lastSegment()),
        true);
  }

  private record Target(
      Transport transport,
      @Nullable OciReference registryRef,
      @Nullable String tag,
      @Nullable String digest,
      String profileName,
      boolean cached) {
    @Nullable OciReference pinned(String digest) {
      return registryRef == null ? null : registryRef.withDigest(digest);
    }
  }

  /** Builder for {@link OciProfiles}. */
  public static final class Builder {
    private @Nullable RegistryClient registry;
    private SignaturePolicy policy = SignaturePolicy.unconfigured();
    private ProfileCodec codec = ProfileCodec.defaults();
    private CacheSettings cache = CacheSettings.DEFAULTS;
    private Ticker ticker = Ticker.systemTicker();
    private Function<String, @Nullable String> env = System::getenv;

    private Builder() {}

    /**
     * The registry client to use (not closed by {@link OciProfiles#close()}); by default an
     * anonymous HTTPS client owned by the instance.
     */
    public Builder registryClient(RegistryClient value) {
      this.registry = Objects.requireNonNull(value, "registryClient");
      return this;
    }

    /** Signature enforcement; {@link SignaturePolicy#unconfigured()} (every pull fails) by default. */
    public Builder signaturePolicy(SignaturePolicy value) {
      this.policy = Objects.requireNonNull(value, "signaturePolicy");
      return this;
    }

    /** The codec for profile YAML/JSON; {@link ProfileCodec#defaults()} by default. */
    public Builder codec(ProfileCodec value) {
      this.codec = Objects.requireNonNull(value, "codec");
      return this;
    }

    /** Cache sizing; {@link CacheSettings#DEFAULTS} by default. */
    public Builder cache(CacheSettings value) {
      this.cache = Objects.requireNonNull(value, "cache");
      return this;
    }

    /** Clock for cache expiry, in nanoseconds (tests). */
    Builder ticker(Ticker value) {
      this.ticker = value;
      return this;
    }

    /** Environment lookup for {@code SOURCE_DATE_EPOCH} (tests). */
    Builder environment(Function<String, @Nullable String> value) {
      this.env = value;
      return this;
    }

    public OciProfiles build() {
      return new OciProfiles(this);
    }
  }

}
