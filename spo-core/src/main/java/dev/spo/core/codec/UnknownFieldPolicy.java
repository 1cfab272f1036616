package dev.spo.core.codec;

/** What reading does with a field the schema does not define (outside {@code metadata}). */
public enum UnknownFieldPolicy {
  /** Fail with a {@link ProfileParseException} naming the field (the default). */
  REJECT,
  /** Log a warning naming the field and drop it. */
  WARN
}
