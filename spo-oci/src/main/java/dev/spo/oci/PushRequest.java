package dev.spo.oci;

import dev.spo.core.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to push: one profile per platform (or one platform-independent profile), the artifact
 * format, manifest annotations, and the creation time. Without an explicit creation time the
 * manifest gets {@code SOURCE_DATE_EPOCH} when set, else {@code 1970-01-01T00:00:00Z}, so pushing
 * the same input twice yields the same digest.
 */
public final class PushRequest {
  /** A profile and the platform it is for (null: any platform). */
  public record Entry(@Nullable Platform platform, Profile profile) {
    public Entry {
      Objects.requireNonNull(profile, "profile");
    }
  }

  private final ArtifactFormat format;
  private final List<Entry> entries;
  private final Map<String, String> annotations;
  private final @Nullable Instant created;

  private PushRequest(Builder b) {
    this.format = b.format;
    this.entries = List.copyOf(b.entries);
    this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(b.annotations));
    this.created = b.created;
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a push request needs at least one profile");
    }
  }

  /** A platform-independent profile in SPO format. */
  public static PushRequest of(Profile profile) {
    return builder().profile(profile).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public ArtifactFormat format() {
    return format;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** User annotations for the manifest. */
  public Map<String, String> annotations() {
    return annotations;
  }

  /** Explicit creation time; null means {@code SOURCE_DATE_EPOCH} or the Unix epoch. */
  public @Nullable Instant created() {
    return created;
  }

  /** Builder for {@link PushRequest}. */
  public static final class Builder {
    private ArtifactFormat format = ArtifactFormat.SPO;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private @Nullable Instant created;

    private Builder() {}

    /** The artifact format; {@link ArtifactFormat#SPO} by default. */
    public Builder format(ArtifactFormat value) {
      this.format = Objects.requireNonNull(value, "format");
      return this;
    }

    /** Adds a platform-independent profile (layer {@code profile.yaml}). */
    public Builder profile(Profile profile) {
      entries.add(new Entry(null, profile));
      return this;
    }

    /** Adds the profile for one platform (layer {@code profile-<os>-<arch>[-<variant>].yaml}). */
    public Builder profile(Platform platform, Profile profile) {
      entries.add(new Entry(Objects.requireNonNull(platform, "platform"), profile));
      return this;
    }

    /** Adds a manifest annotation. */
    public Builder annotation(String key, String value) {
      annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets the {@code org.opencontainers.image.created} time. */
    public Builder created(Instant value) {
      this.created = Objects.requireNonNull(value, "created");
      return this;
    }

    public PushRequest build() {
      return new PushRequest(this);
    }
  }
}
