/**
 * AppArmor profiles of the Security Profiles Operator: the {@link dev.spo.apparmor.AppArmorProfile}
 * kind, its validation ({@link dev.spo.apparmor.AppArmorValidator}), profile text identical to
 * SPO's crd2armor ({@link dev.spo.apparmor.AppArmorGenerator}), the union merge of
 * security-profiles-merger ({@link dev.spo.apparmor.AppArmorMerger}) and an
 * {@code apparmor_parser} wrapper ({@link dev.spo.apparmor.AppArmorParser}).
 */
@NullMarked
package dev.spo.apparmor;

import org.jspecify.annotations.NullMarked;
