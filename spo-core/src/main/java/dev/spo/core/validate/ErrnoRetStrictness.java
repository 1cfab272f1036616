package dev.spo.core.validate;

/** How validation treats {@code errnoRet} on an action that has no return value. */
public enum ErrnoRetStrictness {
  /** runc ignores it: report a warning. */
  RUNC,
  /** crun rejects the profile: report an error. */
  CRUN
}
