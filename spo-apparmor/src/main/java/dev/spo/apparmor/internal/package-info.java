/** Implementation details of spo-apparmor (codec kind, glob matching); not API. */
@NullMarked
package dev.spo.apparmor.internal;

import org.jspecify.annotations.NullMarked;
