/** Runnable examples of spo-java; {@link dev.spo.examples.ComposeExample} is the quick start. */
@NullMarked
package dev.spo.examples;

import org.jspecify.annotations.NullMarked;
