package dev.spo.core;

import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes status condition ({@code metav1.Condition}); SPO uses type {@code Ready}.
 *
 * @param type condition type
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastTransitionTime RFC 3339 time, kept as text
 * @param reason machine-readable reason
 * @param message human-readable message
 * @param observedGeneration generation the condition was computed for
 */
public record Condition(
    String type,
    String status,
    @Nullable String lastTransitionTime,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Long observedGeneration) {}
