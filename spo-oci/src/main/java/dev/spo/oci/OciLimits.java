package dev.spo.oci;

/**
 * Bounds applied before any body is read: a registry that announces or sends more is refused.
 *
 * @param maxBlobBytes largest profile layer (config blobs too)
 * @param maxManifestBytes largest manifest or index
 * @param maxEntries most layers in a manifest or manifests in an index
 */
public record OciLimits(long maxBlobBytes, long maxManifestBytes, int maxEntries) {

  /** 16 MiB per blob ({@code spoc pull}'s default), 4 MiB per manifest, 128 entries. */
  public static final OciLimits DEFAULTS = new OciLimits(16L << 20, 4L << 20, 128);

  /** 1 MiB per blob, as the operator allows for base profiles; otherwise the defaults. */
  public static final OciLimits BASE_PROFILES = new OciLimits(1L << 20, 4L << 20, 128);

  public OciLimits {
    if (maxBlobBytes <= 0 || maxManifestBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
