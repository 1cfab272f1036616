package dev.spo.oci;

import java.util.Objects;

/**
 * How to pull: for which platform, and within which limits.
 *
 * @param platform the platform whose profile is wanted
 * @param limits size and count bounds
 */
public record PullOptions(Platform platform, OciLimits limits) {
  public PullOptions {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(limits, "limits");
  }

  /** The host platform ({@link Platform#current()}) and {@link OciLimits#DEFAULTS}. */
  public static PullOptions defaults() {
    return new PullOptions(Platform.current(), OciLimits.DEFAULTS);
  }

  /** Same limits, another platform. */
  public PullOptions withPlatform(Platform value) {
    return new PullOptions(value, limits);
  }

  /** Same platform, other limits. */
  public PullOptions withLimits(OciLimits value) {
    return new PullOptions(platform, value);
  }
}
