package dev.spo.oci.sign;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to publish when signing.
 *
 * @param formats the forms to publish (at least one)
 * @param dockerReference the {@code docker-reference} claim of legacy payloads and the in-toto
 *     subject name; null means the repository ({@code registry/repository}) of the target
 * @param annotations extra claims for the legacy payload's {@code optional} map (cosign {@code -a})
 */
public record SigningOptions(Set<SignatureFormat> formats, @Nullable String dockerReference, Map<String, String> annotations) {
  public SigningOptions {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one signature format is needed");
    }
    formats = Set.copyOf(EnumSet.copyOf(formats));
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /** Both forms: the legacy tag for cosign 2 and released SPO, the bundle referrer for cosign 3. */
  public static SigningOptions defaults() {
    return new SigningOptions(EnumSet.allOf(SignatureFormat.class), null, Map.of());
  }

  /** Only these formats. */
  public static SigningOptions of(SignatureFormat first, SignatureFormat... more) {
    return new SigningOptions(EnumSet.of(first, more), null, Map.of());
  }

  /** A copy with this {@code docker-reference}. */
  public SigningOptions withDockerReference(String value) {
    return new SigningOptions(formats, Objects.requireNonNull(value, "dockerReference"), annotations);
  }
}
