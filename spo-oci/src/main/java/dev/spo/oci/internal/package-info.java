/**
 * Implementation of spo-oci: the registry HTTP transport, the OCI image-layout transport,
 * manifest JSON, digests and the cache. Not API; other modules must not use it.
 */
@NullMarked
package dev.spo.oci.internal;

import org.jspecify.annotations.NullMarked;
