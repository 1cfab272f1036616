/** Implementation details of spo-selinux (codec kinds, CIL text builder); not API. */
@NullMarked
package dev.spo.selinux.internal;

import org.jspecify.annotations.NullMarked;
