package dev.spo.core;

import dev.spo.core.internal.Immutables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes object metadata of a profile. {@code extra} keeps every metadata field this SDK does
 * not model (uid, resourceVersion, ownerReferences, ...) so that reading and writing a document
 * loses nothing; its values are plain JSON values (String, Long, BigInteger, Double, Boolean,
 * List, Map, or null).
 *
 * @param name the object name; empty when the document has none
 * @param namespace the namespace, absent for cluster-scoped profiles
 * @param labels labels in document order
 * @param annotations annotations in document order
 * @param extra other metadata fields in document order
 */
public record ObjectMeta(
    String name,
    @Nullable String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, @Nullable Object> extra) {

  public ObjectMeta {
    labels = Immutables.orderedMap(labels);
    annotations = Immutables.orderedMap(annotations);
    extra = Immutables.jsonMap(extra);
  }

  /** Metadata that holds only a name. */
  public static ObjectMeta named(String name) {
    return new ObjectMeta(name, null, Map.of(), Map.of(), Map.of());
  }

  /** A copy with another name. */
  public ObjectMeta withName(String newName) {
    return new ObjectMeta(newName, namespace, labels, annotations, extra);
  }

  /** A copy with one annotation set (added last, or replaced in place). */
  public ObjectMeta withAnnotation(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(annotations);
    copy.put(key, value);
    return new ObjectMeta(name, namespace, labels, copy, extra);
  }

  /** A copy with one label set (added last, or replaced in place). */
  public ObjectMeta withLabel(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(labels);
    copy.put(key, value);
    return new ObjectMeta(name, namespace, copy, annotations, extra);
  }
}
