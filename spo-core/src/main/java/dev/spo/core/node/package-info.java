/** The files SPO's daemon writes on a node: {@link dev.spo.core.node.NodeLayout}. */
@NullMarked
package dev.spo.core.node;

import org.jspecify.annotations.NullMarked;
