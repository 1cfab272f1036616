/**
 * The SeccompProfile kind: {@link dev.spo.core.seccomp.SeccompProfile}, its
 * {@link dev.spo.core.seccomp.SeccompSpec} and the enums of SPO's CRD (actions, architectures,
 * flags, operators).
 */
@NullMarked
package dev.spo.core.seccomp;

import org.jspecify.annotations.NullMarked;
