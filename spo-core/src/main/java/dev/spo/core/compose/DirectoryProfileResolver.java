package dev.spo.core.compose;

import dev.spo.core.Profile;
import dev.spo.core.SpoException;
import dev.spo.core.codec.ProfileCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves local references to profiles stored as files in one directory, by the
 * {@code metadata.name} of each document (not by file name). Files ending in {@code .yaml},
 * {@code .yml} or {@code .json} directly in the directory are read (multi-document YAML allowed;
 * a JSON file without {@code kind} is read as an OCI runtime-spec profile named after the file).
 * Hidden files, such as the {@code ..data} entries of a mounted ConfigMap, are skipped.
 *
 * <p>The directory is scanned lazily on the first lookup and the index kept until
 * {@link #rescan()}: a base chain then sees one consistent snapshot, and resolving a chain does
 * not re-read the directory at every level. A scan reads at most {@code maxFiles} files and
 * {@code maxTotalBytes} bytes; going past either, two documents with the same name, or a file
 * that cannot be read or parsed fails the scan with a {@link CompositionException} (reason
 * {@link CompositionException.Reason#RESOLVER_FAILED}) and leaves no index, so the next lookup
 * scans again. Resolved profiles report the file as origin and the SHA-256 of the file as digest.
 * Thread-safe.
 */
public final class DirectoryProfileResolver implements BaseProfileResolver {
  private final Path directory;
  private final ProfileCodec codec;
  private final int maxFiles;
  private final long maxTotalBytes;
  private volatile @Nullable Map<String, ResolvedProfile> index;

  private DirectoryProfileResolver(Builder b) {
    this.directory = b.directory;
    this.codec = b.codec;
    this.maxFiles = b.maxFiles;
    this.maxTotalBytes = b.maxTotalBytes;
  }

  /** A resolver for the directory with default limits and codec. */
  public static DirectoryProfileResolver of(Path directory) {
    return builder(directory).build();
  }

  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** The directory this resolver reads. */
  public Path directory() {
    return directory;
  }

  @Override
  public boolean supports(String reference) {
    return !reference.startsWith(Resolvers.OCI_PREFIX);
  }

  @Override
  public Optional<ResolvedProfile> resolve(String reference, String requestedBy) {
    return Optional.ofNullable(index().get(reference));
  }

  /** The names of all profiles in the directory, sorted (scans if needed). */
  public List<String> names() {
    return index().keySet().stream().sorted().toList();
  }

  /** Drops the index and scans the directory again now. */
  public void rescan() {
    synchronized (this) {
      index = null;
      index = scan();
    }
  }

  private Map<String, ResolvedProfile> index() {
    Map<String, ResolvedProfile> current = index;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (index == null) {
        index = scan();
      }
      return Objects.requireNonNull(index);
    }
  }

  private Map<String, ResolvedProfile> scan() {
    List<Path> files = listFiles();
    Map<String, ResolvedProfile> byName = new HashMap<>();
    long totalBytes = 0;
    for (Path file : files) {
      byte[] bytes;
      try {
        long size = Files.size(file);
        if (totalBytes + size > maxTotalBytes) {
          throw failure("reading " + file + " would exceed the limit of " + maxTotalBytes + " bytes per scan", null);
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw failure("cannot read " + file + ": " + e.getMessage(), e);
      }
      totalBytes += bytes.length;
      if (totalBytes > maxTotalBytes) {
        throw failure("reading " + file + " exceeded the limit of " + maxTotalBytes + " bytes per scan", null);
      }
      String digest = sha256(bytes);
      List<Profile> profiles = parse(file, bytes);
      for (int i = 0; i < profiles.size(); i++) {
        Profile p = profiles.get(i);
        String origin = profiles.size() > 1 ? file + " (document " + (i + 1) + ")" : file.toString();
        if (p.name().isEmpty()) {
          throw failure("a profile in " + origin + " has no metadata.name", null);
        }
        ResolvedProfile previous = byName.putIfAbsent(p.name(), new ResolvedProfile(p.name(), p, origin, digest));
        if (previous != null) {
          throw failure(
              "profile name '" + p.name() + "' is defined twice: in " + previous.origin() + " and in " + origin, null);
        }
      }
    }
    return Map.copyOf(byName);
  }

  private List<Path> listFiles() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || !hasProfileExtension(name) || !Files.isRegularFile(p)) {
          continue;
        }
        if (files.size() == maxFiles) {
          throw failure("directory " + directory + " holds more than " + maxFiles + " profile files", null);
        }
        files.add(p);
      }
    } catch (IOException e) {
      throw failure("cannot list directory " + directory + ": " + e.getMessage(), e);
    }
    // Sorted so that error messages (which file came first) do not depend on the file system.
    files.sort(null);
    return files;
  }

  private List<Profile> parse(Path file, byte[] bytes) {
    String name = file.getFileName().toString();
    try {
      if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
        String base = name.substring(0, name.length() - ".json".length());
        return List.of(codec.readDetected(bytes, file.toString(), base));
      }
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        return codec.readAll(in, file.toString());
      }
    } catch (IOException e) {
      throw failure("cannot read " + file + ": " + e.getMessage(), e);
    } catch (SpoException e) {
      throw failure("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasProfileExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }

  private static String sha256(byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(md.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256; a JVM without it is broken, say so plainly.
      throw failure("SHA-256 is not available in this JVM", e);
    }
  }

  private static CompositionException failure(String message, @Nullable Throwable cause) {
    return cause == null
        ? new CompositionException(CompositionException.Reason.RESOLVER_FAILED, List.of(), message)
        : new CompositionException(CompositionException.Reason.RESOLVER_FAILED, List.of(), message, cause);
  }

  @Override
  public String toString() {
    return "DirectoryProfileResolver[" + directory + "]";
  }

  /** Builder for {@link DirectoryProfileResolver}. */
  public static final class Builder {
    private final Path directory;
    private ProfileCodec codec = ProfileCodec.defaults();
    private int maxFiles = 1000;
    private long maxTotalBytes = 64L * 1024 * 1024;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The codec used to read files (its parse limits apply to each file). */
    public Builder codec(ProfileCodec value) {
      this.codec = Objects.requireNonNull(value, "codec");
      return this;
    }

    /** Most profile files one scan reads; default 1000. */
    public Builder maxFiles(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxFiles must be positive: " + value);
      }
      this.maxFiles = value;
      return this;
    }

    /** Most bytes one scan reads over all files; default 64 MiB. */
    public Builder maxTotalBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxTotalBytes must be positive: " + value);
      }
      this.maxTotalBytes = value;
      return this;
    }

    public DirectoryProfileResolver build() {
      return new DirectoryProfileResolver(this);
    }
  }
}
