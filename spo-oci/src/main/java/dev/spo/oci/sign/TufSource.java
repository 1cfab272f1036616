package dev.spo.oci.sign;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link TrustedRoot#fromTuf(TufSource)} gets a {@code trusted_root.json}: a TUF repository
 * (the Sigstore public-good one or a private mirror), the root metadata trusted to bootstrap it,
 * and a local cache directory for the verified metadata and targets. Immutable.
 *
 * <p>The cache directory holds TUF state (the newest trusted root metadata, for rollback
 * protection); give each mirror its own directory and do not share one between concurrent
 * updates.
 */
public final class TufSource {
  /** The Sigstore public-good TUF mirror, as configured by sigstore-java 2.0.0. */
  public static final URI PUBLIC_GOOD_MIRROR = URI.create("https://tuf-repo-cdn.sigstore.dev/");

  /** Default bound for one update: metadata and targets are small, a slow mirror is an outage. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final URI mirror;
  private final @Nullable Path initialRoot;
  private final Path cacheDir;
  private final Duration timeout;

  private TufSource(URI mirror, @Nullable Path initialRoot, Path cacheDir, Duration timeout) {
    this.mirror = mirror;
    this.initialRoot = initialRoot;
    this.cacheDir = cacheDir;
    this.timeout = timeout;
  }

  /**
   * The Sigstore public-good instance: sigstore-java's embedded root metadata and its default
   * mirror, cached where sigstore-java caches it ({@code ~/.sigstore-java/root}). Updating needs
   * network access to {@link #PUBLIC_GOOD_MIRROR}.
   */
  public static TufSource publicGood() {
    return publicGood(Path.of(System.getProperty("user.home"), ".sigstore-java", "root"));
  }

  /** The Sigstore public-good instance with its cache in {@code cacheDir}; needs network access. */
  public static TufSource publicGood(Path cacheDir) {
    return new TufSource(PUBLIC_GOOD_MIRROR, null, Objects.requireNonNull(cacheDir, "cacheDir"), DEFAULT_TIMEOUT);
  }

  /**
   * A private TUF repository (air-gapped or private Sigstore deployments).
   *
   * @param mirror the repository's base URL: metadata at {@code <mirror>/N.root.json}, {@code
   *     <mirror>/timestamp.json}, ..., targets under {@code <mirror>/targets/}
   * @param initialRoot a {@code root.json} of that repository obtained out of band: it is what the
   *     whole chain of trust starts from
   * @param cacheDir where verified metadata and targets are kept between updates
   */
  public static TufSource mirror(URI mirror, Path initialRoot, Path cacheDir) {
    Objects.requireNonNull(mirror, "mirror");
    String scheme = mirror.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("TUF mirror must be an http(s) URL: " + mirror);
    }
    return new TufSource(
        mirror, Objects.requireNonNull(initialRoot, "initialRoot"), Objects.requireNonNull(cacheDir, "cacheDir"), DEFAULT_TIMEOUT);
  }

  /** The same source with another bound on one update (download and verification). */
  public TufSource withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new TufSource(mirror, initialRoot, cacheDir, timeout);
  }

  /** True for the Sigstore public-good instance. */
  public boolean isPublicGood() {
    return initialRoot == null;
  }

  /** The TUF repository's base URL. */
  public URI mirror() {
    return mirror;
  }

  /** The out-of-band root metadata of a private mirror; empty for public-good (embedded root). */
  public Optional<Path> initialRoot() {
    return Optional.ofNullable(initialRoot);
  }

  /** Where verified metadata and targets are cached. */
  public Path cacheDir() {
    return cacheDir;
  }

  /** The bound on one update. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "TufSource[" + (isPublicGood() ? "public-good " : "") + mirror + ", cache " + cacheDir + "]";
  }
}
