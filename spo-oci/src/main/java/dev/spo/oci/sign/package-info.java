/**
 * cosign-compatible signatures for profile artifacts. {@link dev.spo.oci.sign.CosignVerifier} is a
 * {@link dev.spo.oci.SignatureVerifier} that finds cosign legacy {@code sha256-<hex>.sig}
 * signatures and Sigstore bundle referrers (read through the OCI referrers tag schema {@code
 * sha256-<hex>}) and checks them against public keys or, keyless, against a {@code
 * trusted_root.json} with an identity policy. {@link dev.spo.oci.sign.KeySigner} signs pushed
 * digests with an ECDSA P-256 key and publishes the signature in either form; {@link
 * dev.spo.oci.sign.SigningPushes} pushes and signs in one call.
 */
@NullMarked
package dev.spo.oci.sign;

import org.jspecify.annotations.NullMarked;
