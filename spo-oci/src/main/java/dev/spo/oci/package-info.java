/**
 * Security profiles as OCI artifacts. {@link dev.spo.oci.OciProfiles} pushes and pulls profiles
 * to and from an OCI registry ({@code registry/repository:tag}) or an OCI image-layout directory
 * ({@code oci-layout:<dir>:tag}); it resolves tags to digests once, hashes everything it reads,
 * bounds every size, selects the profile for a platform and enforces a {@link
 * dev.spo.oci.SignaturePolicy}. {@link dev.spo.oci.OciBaseProfileResolver} serves {@code oci://}
 * base profiles to composition through a cache.
 */
@NullMarked
package dev.spo.oci;

import org.jspecify.annotations.NullMarked;
