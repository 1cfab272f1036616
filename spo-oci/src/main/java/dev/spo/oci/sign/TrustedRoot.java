package dev.spo.oci.sign;

import dev.sigstore.tuf.FileSystemTufStore;
import dev.sigstore.tuf.RootProvider;
import dev.sigstore.tuf.SigstoreTufClient;
import dev.spo.oci.sign.internal.KeylessTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Keyless trust material: a Sigstore {@code trusted_root.json} (certificate authorities, CT logs
 * and transparency logs), read from a file or bytes (fully offline: air-gapped and private
 * Sigstore deployments, test PKIs) or obtained through a TUF repository with {@link
 * #fromTuf(TufSource)}. Immutable and thread-safe.
 */
public final class TrustedRoot {
  /** The TUF target name Sigstore publishes its trusted root under. */
  static final String TUF_TARGET = "trusted_root.json";

  private static final long MAX_SIZE = 4L << 20;

  private final KeylessTrust trust;

  private TrustedRoot(KeylessTrust trust) {
    this.trust = trust;
  }

  /**
   * Reads a {@code trusted_root.json} file.
   *
   * @throws SignatureException when it cannot be read or is not a usable trusted root
   */
  public static TrustedRoot fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new SignatureException("trusted root " + file + " is larger than 4 MiB");
      }
      return fromJson(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SignatureException("cannot read trusted root " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code trusted_root.json} content.
   *
   * @throws SignatureException when it is not a usable trusted root
   */
  public static TrustedRoot fromJson(byte[] json) {
    try {
      return new TrustedRoot(KeylessTrust.parse(json));
    } catch (IllegalArgumentException e) {
      throw new SignatureException(e.getMessage(), e);
    }
  }

  /**
   * Updates a TUF repository with sigstore-java's TUF client and parses its verified {@code
   * trusted_root.json} target. The client checks the whole TUF chain (root rotation, signature
   * thresholds, expiry, versions against rollback, lengths and hashes) before the target reaches
   * the local store; what is parsed is those verified bytes, read back from {@link
   * TufSource#cacheDir()}.
   *
   * <p>{@link TufSource#publicGood()} needs network access to the Sigstore TUF mirror ({@link
   * TufSource#PUBLIC_GOOD_MIRROR}) on every call: sigstore-java 2.0.0 keeps no usable offline
   * state between clients, so an offline host fails here even with a fresh cache. Call it once at
   * start-up (or on a schedule) and keep the result; for air-gapped hosts use {@link
   * #fromFile(Path)} or a private mirror.
   *
   * <p>sigstore-java 2.0.0's client also requires the repository to publish the {@code
   * signing_config.v0.2.json} target (the public-good one does); a private mirror without it fails.
   *
   * @throws SignatureException naming the mirror when the update does not finish within {@link
   *     TufSource#timeout()}, the repository fails TUF verification (bad signature, expired role,
   *     hash or length mismatch, rollback), the target is missing, or it is not a usable trusted
   *     root
   */
  public static TrustedRoot fromTuf(TufSource source) {
    Objects.requireNonNull(source, "source");
    byte[] json = verifiedTarget(source);
    try {
      return fromJson(json);
    } catch (SignatureException e) {
      throw new SignatureException(
          "TUF mirror " + source.mirror() + ": target " + TUF_TARGET + " is not a usable trusted root: " + e.getMessage(), e);
    }
  }

  private static byte[] verifiedTarget(TufSource source) {
    Path initialRoot = source.initialRoot().orElse(null);
    if (initialRoot != null && !Files.isRegularFile(initialRoot)) {
      throw new SignatureException("TUF mirror " + source.mirror() + ": initial root " + initialRoot + " is not a readable file");
    }
    // sigstore-java's HTTP fetcher has no overall deadline; a thread of our own bounds the whole
    // update. A daemon thread, so that a hung download cannot keep the JVM alive after we give up.
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "spo-tuf-update");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<byte[]> update = executor.submit(() -> update(source, initialRoot));
      try {
        return update.get(source.timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        update.cancel(true);
        throw new SignatureException(
            "TUF mirror " + source.mirror() + ": update did not finish within " + source.timeout(), e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new SignatureException("TUF mirror " + source.mirror() + ": " + describe(cause), cause);
      } catch (InterruptedException e) {
        update.cancel(true);
        Thread.currentThread().interrupt();
        throw new SignatureException("TUF mirror " + source.mirror() + ": interrupted while updating", e);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static byte[] update(TufSource source, @Nullable Path initialRoot) throws Exception {
    SigstoreTufClient.Builder builder = SigstoreTufClient.builder();
    if (initialRoot == null) {
      builder.usePublicGoodInstance();
    } else {
      builder.tufMirror(source.mirror(), RootProvider.fromFile(initialRoot));
    }
    SigstoreTufClient client = builder.tufCacheLocation(source.cacheDir()).build();
    // A new client has never updated, so this always goes to the mirror; it throws before anything
    // unverified could be read back below.
    client.update();
    // The client parses the target into its own model; we read the very bytes it verified from its
    // target store (cacheDir/targets) so that our parser, the same as for fromFile, sees them.
    FileSystemTufStore store = FileSystemTufStore.newFileSystemStore(source.cacheDir());
    if (!store.hasTarget(TUF_TARGET)) {
      throw new IOException("no " + TUF_TARGET + " target in the local store " + store.getIdentifier());
    }
    byte[] json = store.readTarget(TUF_TARGET);
    if (json.length > MAX_SIZE) {
      throw new IOException("target " + TUF_TARGET + " is larger than 4 MiB");
    }
    return json;
  }

  /** The messages of a cause chain, since sigstore-java wraps the telling one several levels down. */
  private static String describe(Throwable t) {
    List<String> parts = new ArrayList<>();
    for (Throwable c = t; c != null && parts.size() < 6; c = c.getCause()) {
      String m = c.getMessage();
      String part = m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
      if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(part)) {
        parts.add(part);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  KeylessTrust trust() {
    return trust;
  }

  @Override
  public String toString() {
    return "TrustedRoot[" + trust.summary() + "]";
  }
}
