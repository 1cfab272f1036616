/** Implementation of spo-testing; not API, may change without notice. */
@NullMarked
package dev.spo.testing.internal;

import org.jspecify.annotations.NullMarked;
