package dev.spo.core;

/**
 * A security profile object as the Security Profiles Operator defines it: a Kubernetes-style
 * document with {@code apiVersion}, {@code kind} and {@code metadata}. Implementations are
 * immutable. Kinds beyond {@code SeccompProfile} are contributed by other modules through
 * {@link dev.spo.core.spi.ProfileKind}.
 */
public interface Profile {
  /** The API group every SPO profile kind lives in. */
  String API_GROUP = "security-profiles-operator.x-k8s.io";

  /** The apiVersion this SDK writes. */
  String API_VERSION_V1 = API_GROUP + "/v1";

  /** The kind, for example {@code SeccompProfile}. */
  String kind();

  /** The object metadata. */
  ObjectMeta metadata();

  /** The apiVersion written for this profile; always {@link #API_VERSION_V1}. */
  default String apiVersion() {
    return API_VERSION_V1;
  }

  /** Shorthand for {@code metadata().name()}. */
  default String name() {
    return metadata().name();
  }
}
