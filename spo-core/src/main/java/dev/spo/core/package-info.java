/**
 * Profile basics shared by every kind: {@link dev.spo.core.Profile}, {@link dev.spo.core.ObjectMeta},
 * states, and the root exception {@link dev.spo.core.SpoException}. Seccomp types are in
 * {@link dev.spo.core.seccomp}; reading and writing in {@link dev.spo.core.codec}; checks in
 * {@code dev.spo.core.validate}; base-profile composition in {@link dev.spo.core.compose}.
 */
@NullMarked
package dev.spo.core;

import org.jspecify.annotations.NullMarked;
