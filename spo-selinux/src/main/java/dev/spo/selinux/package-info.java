/**
 * SELinux profiles of the Security Profiles Operator: the {@link dev.spo.selinux.SelinuxProfile}
 * and {@link dev.spo.selinux.RawSelinuxProfile} kinds, their validation
 * ({@link dev.spo.selinux.SelinuxValidator}), inherit resolution and CIL generation identical to
 * SPO's ({@link dev.spo.selinux.CilTranslator}), and a {@code secilc} wrapper
 * ({@link dev.spo.selinux.Secilc}) that compiles the result against a base policy.
 */
@NullMarked
package dev.spo.selinux;

import org.jspecify.annotations.NullMarked;
