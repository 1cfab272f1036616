package dev.spo.oci.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.spo.oci.CacheSettings;
import dev.spo.oci.CacheStatistics;
import dev.spo.oci.ContentReader;
import dev.spo.oci.Descriptor;
import dev.spo.oci.ManifestContent;
import dev.spo.oci.OciReference;
import dev.spo.oci.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The pull cache. Keys include the repository location, so one repository's content is never
 * served for another's (which would bypass the registry's authorization). Content is keyed by
 * digest and only stored after it was verified; tag resolutions expire. Caffeine runs the loader
 * once per key while concurrent callers for that key wait for it, and a loader that throws
 * leaves nothing behind.
 */
public final class ContentCache {
  private final Cache<String, ManifestContent> tags;
  private final Cache<String, Object> content;
  private final Cache<SelectionKey, ArtifactSelector.Selection> selections;

  private record SelectionKey(String location, String digest, Object options) {}
  private final boolean enabled;

  public ContentCache(CacheSettings settings, Ticker ticker) {
    this.enabled = settings.maxEntries() > 0;
    this.tags =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfterWrite(settings.tagTtl())
            .ticker(ticker)
            // Maintenance on the calling thread: no work leaks into the common pool, and
            // statistics are exact right after a call.
            .executor(Runnable::run)
            .recordStats()
            .build();
    this.content =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .ticker(ticker)
            .executor(Runnable::run)
            .recordStats()
            .build();
    this.selections =
        Caffeine.newBuilder().maximumSize(settings.maxEntries()).ticker(ticker).executor(Runnable::run).build();
  }

  /**
   * The decoded profile selected from a pinned digest. Keyed by location, digest and the pull
   * options (platform and limits), which together determine the result, so an entry never goes
   * stale; it saves re-parsing YAML on every hit.
   */
  public ArtifactSelector.Selection selection(
      String location, String digest, Object options, Supplier<ArtifactSelector.Selection> loader) {
    if (!enabled) {
      return loader.get();
    }
    return selections.get(new SelectionKey(location, digest, options), k -> loader.get());
  }

  /** Resolves a tag (or digest) to its verified manifest, through the cache. */
  public Optional<ManifestContent> resolve(ContentReader reader, String tagOrDigest, long maxBytes) {
    if (!enabled) {
      return reader.manifest(tagOrDigest, maxBytes);
    }
    if (OciReference.isDigest(tagOrDigest)) {
      return Optional.ofNullable(manifestByDigest(reader, tagOrDigest, maxBytes));
    }
    String key = reader.location() + ":" + tagOrDigest;
    ManifestContent m =
        tags.get(
            key,
            k -> {
              ManifestContent fetched = reader.manifest(tagOrDigest, maxBytes).orElse(null);
              if (fetched != null) {
                // The tag fetch already gave us the manifest bytes; keep them so a by-digest read
                // of the same manifest does not go back to the registry.
                content.asMap().putIfAbsent(reader.location() + "@" + fetched.digest(), fetched);
              }
              return fetched;
            });
    if (m != null) {
      if (m.size() > maxBytes) {
        throw new RegistryException(
            RegistryException.Reason.TOO_LARGE, key, -1, null, "cached manifest exceeds the limit of " + maxBytes + " bytes");
      }
    }
    return Optional.ofNullable(m);
  }

  private ManifestContent manifestByDigest(ContentReader reader, String digest, long maxBytes) {
    Object v = get(reader.location() + "@" + digest, () -> reader.manifest(digest, maxBytes).orElse(null));
    if (v != null && !(v instanceof ManifestContent)) {
      return null;
    }
    ManifestContent m = (ManifestContent) v;
    if (m != null && m.size() > maxBytes) {
      throw tooLarge(reader.location() + "@" + digest, maxBytes);
    }
    return m;
  }

  private static RegistryException tooLarge(String ref, long maxBytes) {
    return new RegistryException(
        RegistryException.Reason.TOO_LARGE, ref, -1, null, "cached content exceeds the limit of " + maxBytes + " bytes");
  }

  private Object get(String key, Supplier<Object> loader) {
    return content.get(key, k -> loader.get());
  }

  /** A reader whose manifest-by-digest and blob reads go through the cache. */
  public ContentReader caching(ContentReader reader) {
    if (!enabled) {
      return reader;
    }
    return new ContentReader() {
      @Override
      public String location() {
        return reader.location();
      }

      @Override
      public Optional<ManifestContent> manifest(String tagOrDigest, long maxBytes) {
        return resolve(reader, tagOrDigest, maxBytes);
      }

      @Override
      public byte[] blob(String digest, long maxBytes) {
        Object v = get(reader.location() + "@" + digest, () -> reader.blob(digest, maxBytes));
        if (v instanceof byte[] bytes) {
          return checked(bytes.clone(), digest, maxBytes);
        }
        // The same digest was cached as a manifest: content-addressed, so serve its bytes.
        return checked(((ManifestContent) v).bytes(), digest, maxBytes);
      }

      @Override
      public List<Descriptor> referrers(
          String digest, @Nullable String artifactType, int maxEntries, long maxBytes) {
        // Referrers change whenever someone signs or attaches: never cached.
        return reader.referrers(digest, artifactType, maxEntries, maxBytes);
      }

      private byte[] checked(byte[] bytes, String digest, long maxBytes) {
        if (bytes.length > maxBytes) {
          throw tooLarge(reader.location() + "@" + digest, maxBytes);
        }
        return bytes;
      }
    };
  }

  /** Forgets a tag resolution. */
  public void invalidateTag(String location, String tag) {
    tags.invalidate(location + ":" + tag);
  }

  /** Forgets everything. */
  public void invalidateAll() {
    tags.invalidateAll();
    content.invalidateAll();
    selections.invalidateAll();
  }

  public CacheStatistics statistics() {
    CacheStats t = tags.stats();
    CacheStats c = content.stats();
    return new CacheStatistics(
        t.hitCount(),
        t.missCount(),
        c.hitCount(),
        c.missCount(),
        t.evictionCount() + c.evictionCount(),
        tags.estimatedSize() + content.estimatedSize());
  }

  /** Runs pending evictions (for tests and statistics). */
  public void cleanUp() {
    tags.cleanUp();
    content.cleanUp();
    selections.cleanUp();
  }
}
