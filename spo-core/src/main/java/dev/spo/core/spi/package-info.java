/**
 * Extension points of the codecs: {@link dev.spo.core.spi.ProfileKind} lets other modules add
 * profile kinds, {@link dev.spo.core.spi.DocumentObject} gives them typed, located access to the
 * document while decoding.
 */
@NullMarked
package dev.spo.core.spi;

import org.jspecify.annotations.NullMarked;
