package dev.spo.oci;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A registry reference {@code [registry/]repository[:tag][@digest]}, parsed with the Docker
 * rules: the first path segment is the registry only when it contains a dot or a colon or is
 * {@code localhost}; otherwise the registry is {@code docker.io}, where single-segment
 * repositories get the {@code library/} prefix. Without tag and digest the tag is {@code latest}.
 * A leading {@code oci://} is accepted (case-sensitive, as in {@code baseProfileName}).
 *
 * <p>Only {@code sha256} digests are accepted: they are what we can verify.
 *
 * @param registry registry host with optional port, e.g. {@code 127.0.0.1:5000}
 * @param repository repository path, e.g. {@code profiles/nginx}
 * @param tag the tag; null for a pure digest reference
 * @param digest the pinned digest; null for a tag reference
 */
public record OciReference(String registry, String repository, @Nullable String tag, @Nullable String digest) {

  /** The default registry of unqualified references. */
  public static final String DOCKER_HUB = "docker.io";

  /** The prefix {@code baseProfileName} uses for OCI references. */
  public static final String OCI_SCHEME = "oci://";

  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+](?::[0-9]{1,5})?");

  public OciReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (!REGISTRY.matcher(registry).matches()) {
      throw new IllegalArgumentException("invalid registry host: " + registry);
    }
    if (repository.length() > 255 || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("invalid repository name: " + repository);
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("invalid tag: " + tag);
    }
    if (digest != null && !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("invalid or unsupported digest (sha256 only): " + digest);
    }
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a reference needs a tag or a digest");
    }
  }

  /** Whether the text is a digest this SDK can verify ({@code sha256:<64 hex>}). */
  public static boolean isDigest(String text) {
    return DIGEST.matcher(text).matches();
  }

  /**
   * Parses a reference.
   *
   * @throws IllegalArgumentException when it is not a valid reference
   */
  public static OciReference parse(String text) {
    String rest = text.startsWith(OCI_SCHEME) ? text.substring(OCI_SCHEME.length()) : text;
    if (rest.isEmpty() || rest.contains("://")) {
      throw new IllegalArgumentException("invalid OCI reference: " + text);
    }
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    String repository = rest;
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        registry = head;
        repository = rest.substring(first + 1);
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    try {
      return new OciReference(registry, repository, tag, digest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid OCI reference '" + text + "': " + e.getMessage(), e);
    }
  }

  /** This repository pinned to a digest, without tag. */
  public OciReference withDigest(String newDigest) {
    return new OciReference(registry, repository, null, newDigest);
  }

  /** This repository with another tag and no digest. */
  public OciReference withTag(String newTag) {
    return new OciReference(registry, repository, newTag, null);
  }

  /** The tag, else the digest: what to put after {@code /manifests/}. Digest wins when both are set. */
  public String identifier() {
    return digest != null ? digest : Objects.requireNonNull(tag);
  }

  /** {@code registry/repository}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The host to talk to: {@code registry-1.docker.io} for Docker Hub, else the registry. */
  public String apiHost() {
    return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
  }

  /** Last repository segment, e.g. {@code nginx} for {@code profiles/nginx}. */
  public String lastSegment() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /** {@code registry/repository[:tag][@digest]}. */
  @Override
  public String toString() {
    return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
