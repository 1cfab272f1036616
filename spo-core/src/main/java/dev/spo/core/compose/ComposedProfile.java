package dev.spo.core.compose;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.seccomp.SeccompProfile;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ProfileComposer#compose(SeccompProfile)}.
 *
 * @param profile the child profile with its merged {@code syscalls}; every other field is the
 *     child's, including {@code baseProfileName} (SPO writes it into the node file too; composing
 *     the result again with {@link MergeStrategy#UNION} changes nothing, since union is idempotent)
 * @param chain the bases followed, nearest first; empty when the profile has no base
 * @param strategy the strategy used
 */
public record ComposedProfile(SeccompProfile profile, List<ResolutionStep> chain, MergeStrategy strategy) {
  /** Key of the annotation SPO writes on the composed SeccompProfile object. */
  public static final String SYSCALLS_ANNOTATION = "syscalls";

  public ComposedProfile {
    Objects.requireNonNull(profile, "profile");
    chain = List.copyOf(chain);
    Objects.requireNonNull(strategy, "strategy");
  }

  /**
   * The value of SPO's {@code syscalls} annotation: the merged rules as a compact JSON array with
   * CRD field names and Go's omitempty. Computed on each call.
   */
  public String syscallsAnnotation() {
    return ProfileCodec.defaults().syscallsAnnotation(profile.spec().syscalls());
  }

  /** The merged profile with the {@code syscalls} annotation set, as SPO stores the object. */
  public SeccompProfile annotatedProfile() {
    return profile.withMetadata(profile.metadata().withAnnotation(SYSCALLS_ANNOTATION, syscallsAnnotation()));
  }
}
