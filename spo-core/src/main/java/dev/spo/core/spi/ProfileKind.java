package dev.spo.core.spi;

import dev.spo.core.ObjectMeta;
import dev.spo.core.Profile;
import dev.spo.core.validate.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A profile kind the codecs can read and write. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.spo.core.spi.ProfileKind}), so
 * modules such as spo-selinux and spo-apparmor add their kinds without spo-core depending on them.
 *
 * @param <P> the model type of the kind
 */
public interface ProfileKind<P extends Profile> {
  /** The {@code kind} value, e.g. {@code SelinuxProfile}. */
  String kind();

  /** The Java type of the kind. */
  Class<P> type();

  /** Every apiVersion ({@code group/version}) this kind reads. */
  Set<String> apiVersions();

  /**
   * Decodes a document of this kind. Implementations read every field they know from {@code spec}
   * and {@code status} and call {@link DocumentObject#finish()} on each object they read, so unknown
   * fields are reported.
   *
   * @param apiVersion the apiVersion of the document (one of {@link #apiVersions()})
   * @param metadata the decoded metadata
   * @param spec the {@code spec} object (empty when the document has none)
   * @param status the {@code status} object, or null when absent
   */
  P decode(String apiVersion, ObjectMeta metadata, DocumentObject spec, @Nullable DocumentObject status);

  /** The {@code spec} object as plain JSON values in the order they are written. */
  Map<String, @Nullable Object> encodeSpec(P profile);

  /** The {@code status} object as plain JSON values, or null when the profile has none. */
  @Nullable Map<String, @Nullable Object> encodeStatus(P profile);

  /**
   * Kind-specific validation: every problem with its JSON pointer. The default finds none;
   * {@link dev.spo.core.validate.ProfileValidator} calls this for profiles of this kind.
   */
  default List<Violation> validate(P profile) {
    return List.of();
  }
}
