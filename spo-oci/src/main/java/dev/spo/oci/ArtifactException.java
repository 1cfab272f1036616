package dev.spo.oci;

import dev.spo.core.SpoException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An artifact was read intact but cannot be used: unknown or malformed manifest, no profile for
 * the requested platform (the available platforms are listed), a nested index, too many layers,
 * or content that is not a profile. Also thrown for push requests that cannot be packed.
 */
public final class ArtifactException extends SpoException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The manifest or index is not what a profile artifact looks like. */
    INVALID_ARTIFACT,
    /** No manifest or layer matches the requested platform. */
    NO_MATCHING_PLATFORM,
    /** The selected layer is not a profile. */
    INVALID_PROFILE,
    /** The push request cannot be packed in the requested format. */
    INVALID_REQUEST
  }

  private final Reason reason;
  private final String reference;
  private final List<String> availablePlatforms;

  public ArtifactException(Reason reason, String reference, String message) {
    this(reason, reference, message, List.of(), null);
  }

  public ArtifactException(
      Reason reason, String reference, String message, List<String> availablePlatforms, @Nullable Throwable cause) {
    super(reference + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.reference = reference;
    this.availablePlatforms = List.copyOf(availablePlatforms);
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** The reference being pulled or pushed. */
  public String reference() {
    return reference;
  }

  /**
   * For {@link Reason#NO_MATCHING_PLATFORM}: what the artifact offers (platforms, or layer titles
   * when layers carry no platform); empty otherwise.
   */
  public List<String> availablePlatforms() {
    return availablePlatforms;
  }
}
