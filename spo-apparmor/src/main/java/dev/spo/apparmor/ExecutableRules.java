package dev.spo.apparmor;

import java.util.List;

/**
 * {@code abstract.executable}: programs the profile may execute ({@code ixr}) and libraries it may
 * map ({@code mr}). An empty list is the same as an absent one (the API server drops empty lists).
 *
 * @param allowedExecutables absolute paths or globs
 * @param allowedLibraries absolute paths or globs
 */
public record ExecutableRules(List<String> allowedExecutables, List<String> allowedLibraries) {
  public ExecutableRules {
    allowedExecutables = List.copyOf(allowedExecutables);
    allowedLibraries = List.copyOf(allowedLibraries);
  }
}
