/** Helpers of the {@code spoc} commands; not an API. */
@NullMarked
package dev.spo.cli.internal;

import org.jspecify.annotations.NullMarked;
