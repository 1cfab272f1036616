package dev.spo.oci.sign;

import java.util.List;
import java.util.Objects;

/**
 * The signatures published for a digest.
 *
 * @param location the repository ({@code registry/repository} or {@code oci-layout:<dir>})
 * @param digest the signed digest
 * @param signer who signed (certificate SAN or key fingerprint)
 * @param published one entry per published form
 */
public record SignedArtifact(String location, String digest, String signer, List<Published> published) {
  /**
   * One published signature.
   *
   * @param format the form
   * @param manifestDigest digest of the signature manifest (the {@code .sig} manifest or the referrer)
   * @param tag the tag written ({@code sha256-<hex>.sig} or the referrers index {@code sha256-<hex>})
   */
  public record Published(SignatureFormat format, String manifestDigest, String tag) {
    public Published {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(manifestDigest, "manifestDigest");
      Objects.requireNonNull(tag, "tag");
    }
  }

  public SignedArtifact {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(signer, "signer");
    published = List.copyOf(published);
  }
}
