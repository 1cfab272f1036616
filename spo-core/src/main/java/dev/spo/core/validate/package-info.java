/**
 * Validation of profiles: {@link dev.spo.core.validate.ProfileValidator} reports every CRD and
 * semantic problem as a {@link dev.spo.core.validate.Violation} with a JSON pointer; SPO's
 * operator allow list is {@link dev.spo.core.validate.AllowList}.
 */
@NullMarked
package dev.spo.core.validate;

import org.jspecify.annotations.NullMarked;
