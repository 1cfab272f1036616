/**
 * {@code spoc}, the command line of spo-java. The only public type is {@link dev.spo.cli.Spoc},
 * the entry point; the commands are package-private and reached through it.
 */
@NullMarked
package dev.spo.cli;

import org.jspecify.annotations.NullMarked;
