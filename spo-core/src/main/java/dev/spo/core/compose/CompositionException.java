package dev.spo.core.compose;

import dev.spo.core.SpoException;
import java.util.List;

/**
 * Base profiles could not be composed: a base is missing, the chain is too deep, it has a cycle,
 * a base is not a seccomp profile, or a resolver failed. {@link #chain()} holds the references
 * from the profile being composed down to where it failed.
 */
public final class CompositionException extends SpoException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    MISSING_BASE,
    MAX_DEPTH,
    CYCLE,
    NOT_SECCOMP,
    RESOLVER_FAILED,
    MERGE_FAILED
  }

  private final Reason reason;
  private final List<String> chain;

  public CompositionException(Reason reason, List<String> chain, String message) {
    super(message);
    this.reason = reason;
    this.chain = List.copyOf(chain);
  }

  public CompositionException(Reason reason, List<String> chain, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.chain = List.copyOf(chain);
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** Profile names and references from the composed profile to the failure point. */
  public List<String> chain() {
    return chain;
  }
}
