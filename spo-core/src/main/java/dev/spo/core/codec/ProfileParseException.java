package dev.spo.core.codec;

import dev.spo.core.SpoException;
import org.jspecify.annotations.Nullable;

/**
 * A document could not be read: malformed YAML or JSON, a limit exceeded, a missing required
 * field, a value of the wrong type or out of range. Names the source, the profile (when known),
 * the JSON pointer of the offending field and, for syntax errors, the line and column.
 */
public final class ProfileParseException extends SpoException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final @Nullable String profileName;
  private final String pointer;
  private final String reason;

  public ProfileParseException(String source, @Nullable String profileName, String pointer, String reason) {
    this(source, profileName, pointer, reason, null);
  }

  public ProfileParseException(
      String source, @Nullable String profileName, String pointer, String reason, @Nullable Throwable cause) {
    super(format(source, profileName, pointer, reason), cause);
    this.source = source;
    this.profileName = profileName;
    this.pointer = pointer;
    this.reason = reason;
  }

  private static String format(String source, @Nullable String profileName, String pointer, String reason) {
    StringBuilder sb = new StringBuilder(source);
    if (profileName != null && !profileName.isEmpty()) {
      sb.append(": profile '").append(profileName).append('\'');
    }
    sb.append(": ").append(pointer.isEmpty() ? "(document)" : pointer).append(": ").append(reason);
    return sb.toString();
  }

  /** Where the document came from: a path, {@code <string>} or {@code <stream>}. */
  public String source() {
    return source;
  }

  /** The profile's {@code metadata.name}, when it had been read before the failure. */
  public @Nullable String profileName() {
    return profileName;
  }

  /** JSON pointer of the offending field ({@code ""} for the whole document). */
  public String pointer() {
    return pointer;
  }

  /** The reason without the location prefix. */
  public String reason() {
    return reason;
  }
}
