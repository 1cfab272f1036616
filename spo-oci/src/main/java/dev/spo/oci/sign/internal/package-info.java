/** Implementation of {@link dev.spo.oci.sign}: cosign formats, discovery, checks and publishing. Not API. */
@NullMarked
package dev.spo.oci.sign.internal;

import org.jspecify.annotations.NullMarked;
