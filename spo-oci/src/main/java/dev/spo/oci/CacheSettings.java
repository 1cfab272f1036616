package dev.spo.oci;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizing of the pull cache. Content is cached by digest and never expires (it cannot change);
 * tag-to-digest resolutions expire after {@code tagTtl}. Each of the two caches holds at most
 * {@code maxEntries} entries (least recently used evicted first).
 *
 * @param maxEntries entries per cache; 0 disables caching
 * @param tagTtl how long a tag resolution is trusted
 */
public record CacheSettings(long maxEntries, Duration tagTtl) {
  /** 1000 entries, tags re-resolved after 24 hours. */
  public static final CacheSettings DEFAULTS = new CacheSettings(1000, Duration.ofHours(24));

  /** No caching. */
  public static final CacheSettings DISABLED = new CacheSettings(0, Duration.ofSeconds(1));

  public CacheSettings {
    Objects.requireNonNull(tagTtl, "tagTtl");
    if (maxEntries < 0 || tagTtl.isNegative() || tagTtl.isZero()) {
      throw new IllegalArgumentException("maxEntries must be >= 0 and tagTtl positive");
    }
  }
}
