package dev.spo.apparmor;

import java.util.List;

/**
 * {@code abstract.filesystem}: paths the profile may read, write, or both. An empty list is the
 * same as an absent one.
 *
 * @param readOnlyPaths paths allowed {@code r} (and, in enforce mode, denied {@code wlk})
 * @param writeOnlyPaths paths allowed {@code wlk} (and, in enforce mode, denied {@code r})
 * @param readWritePaths paths allowed {@code rwlk}
 */
public record FilesystemRules(List<String> readOnlyPaths, List<String> writeOnlyPaths, List<String> readWritePaths) {
  public FilesystemRules {
    readOnlyPaths = List.copyOf(readOnlyPaths);
    writeOnlyPaths = List.copyOf(writeOnlyPaths);
    readWritePaths = List.copyOf(readWritePaths);
  }
}
