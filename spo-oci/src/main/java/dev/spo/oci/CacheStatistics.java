package dev.spo.oci;

/**
 * Counters of the pull cache since it was created.
 *
 * @param tagHits tag resolutions served from the cache
 * @param tagMisses tag resolutions that went to the registry
 * @param contentHits manifests and blobs served from the cache
 * @param contentMisses manifests and blobs fetched
 * @param evictions entries evicted for size or expiry
 * @param size current number of entries (both caches)
 */
public record CacheStatistics(
    long tagHits, long tagMisses, long contentHits, long contentMisses, long evictions, long size) {}
