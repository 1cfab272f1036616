package dev.spo.oci.sign.internal;

/** A candidate signature failed a check; the message is the reason reported to the caller. */
public final class Reject extends Exception {
  private static final long serialVersionUID = 1L;

  public Reject(String reason) {
    super(reason, null, false, false);
  }

  public Reject(String reason, Throwable cause) {
    super(reason + ": " + cause.getMessage(), cause, false, false);
  }
}
