/**
 * Implementation details of spo-seccomp-native: the JNA binding to libseccomp and libc, the
 * runc/crun translation and the ENOSYS stub. Not API; may change at any time.
 */
@NullMarked
package dev.spo.seccomp.internal;

import org.jspecify.annotations.NullMarked;
