package dev.spo.oci;

/** Media types and annotation keys of the artifacts this module reads and writes. */
public final class MediaTypes {
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** Docker schema 2 manifest (read only). */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  /** Docker manifest list (read only). */
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  /** The OCI empty descriptor's media type. */
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  /** Digest of the two bytes {@code {}}, the OCI empty config. */
  public static final String EMPTY_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
  /** {@code artifactType} of SPO-format artifacts ({@code spoc push}). */
  public static final String SPO_ARTIFACT_TYPE = "application/vnd.unknown.config.v1+json";
  /** Layer media type of SPO-format artifacts (ORAS's file default; the content is YAML). */
  public static final String SPO_LAYER = "application/vnd.oci.image.layer.v1.tar";
  /** Config media type and {@code artifactType} of KEP-6061 runtime-format seccomp artifacts. */
  public static final String SECCOMP_RUNTIME_CONFIG = "application/vnd.cncf.seccomp-profile.config.v1+json";
  /** Layer media type of KEP-6061 artifacts. */
  public static final String JSON = "application/json";

  /** Annotation holding a layer's file name. */
  public static final String ANNOTATION_TITLE = "org.opencontainers.image.title";
  /** Annotation holding the creation time (RFC 3339). */
  public static final String ANNOTATION_CREATED = "org.opencontainers.image.created";
  /** Annotation naming an index entry in an OCI image layout (the tag). */
  public static final String ANNOTATION_REF_NAME = "org.opencontainers.image.ref.name";

  /** Title of a platform-independent SPO layer. */
  public static final String TITLE_PROFILE_YAML = "profile.yaml";
  /** Title of a KEP-6061 layer. */
  public static final String TITLE_PROFILE_JSON = "profile.json";

  private MediaTypes() {}
}
