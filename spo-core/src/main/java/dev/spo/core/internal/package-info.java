/** Implementation details of spo-core; not API, may change in any release. */
@NullMarked
package dev.spo.core.internal;

import org.jspecify.annotations.NullMarked;
