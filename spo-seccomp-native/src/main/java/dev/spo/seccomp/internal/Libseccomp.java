package dev.spo.seccomp.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.spo.seccomp.LibseccompVersion;
import dev.spo.seccomp.NativeLibraryException;
import dev.spo.seccomp.SeccompNativeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A loaded libseccomp plus libc, with typed errors. Instances are immutable and thread-safe:
 * libseccomp's lookup functions only read static tables, and every filter context is used by one
 * thread at a time ({@link FilterContext}).
 */
public final class Libseccomp {
  /** The runtime package's soname; the bare {@code libseccomp.so} link ships only with the -dev package. */
  public static final String DEFAULT_LIBRARY = "libseccomp.so.2";

  /** 2.5.0 added API level 6 (NOTIFY with TSYNC) and fixed the attribute set we rely on. */
  public static final LibseccompVersion MINIMUM_VERSION = new LibseccompVersion(2, 5, 0);

  /** API level forced once per process so output does not depend on the build host's kernel. */
  public static final int API_LEVEL = 6;

  // Attribute numbers of enum scmp_filter_attr (2.5.4).
  public static final int ATTR_ACT_BADARCH = 2;
  public static final int ATTR_CTL_NNP = 3;
  public static final int ATTR_CTL_OPTIMIZE = 8;
  public static final int ATTR_API_SYSRAWRC = 9;

  private static final Map<String, Libseccomp> LOADED = new ConcurrentHashMap<>();
  private static final Object API_LOCK = new Object();
  private static boolean apiLevelSet;

  private final String libraryName;
  private final LibSeccompApi api;
  private final LibC libc;
  private final LibseccompVersion version;
  private final int nativeArch;

  private Libseccomp(String libraryName, LibSeccompApi api, LibC libc, LibseccompVersion version) {
    this.libraryName = libraryName;
    this.api = api;
    this.libc = libc;
    this.version = version;
    this.nativeArch = api.seccomp_arch_native();
  }

  /** The default library, loaded on first use. */
  public static Libseccomp get() {
    return get(DEFAULT_LIBRARY);
  }

  /**
   * The named library, loaded on first use and cached. Failures are not cached, so installing the
   * library later in the same process works.
   *
   * @throws NativeLibraryException when it cannot be loaded or is older than {@link #MINIMUM_VERSION}
   */
  public static Libseccomp get(String libraryName) {
    Libseccomp lib = LOADED.get(libraryName);
    if (lib == null) {
      lib = LOADED.computeIfAbsent(libraryName, Libseccomp::load);
    }
    return lib;
  }

  private static Libseccomp load(String libraryName) {
    LibSeccompApi api;
    LibC libc;
    try {
      api = Native.load(libraryName, LibSeccompApi.class);
      libc = Native.load("c", LibC.class);
    } catch (LinkageError e) {
      // UnsatisfiedLinkError (library or libjnidispatch missing), NoClassDefFoundError and
      // ExceptionInInitializerError (JNA itself unusable) all mean: no native seccomp here.
      throw new NativeLibraryException(libraryName, null, "cannot load libseccomp: " + e.getMessage(), e);
    }
    LibseccompVersion version;
    try {
      Pointer v = api.seccomp_version();
      if (v == null) {
        throw new NativeLibraryException(libraryName, null, "seccomp_version() returned NULL", null);
      }
      version = new LibseccompVersion(v.getInt(0), v.getInt(4), v.getInt(8));
    } catch (UnsatisfiedLinkError e) {
      // seccomp_version() appeared in 2.3.0; without it the library is far too old.
      throw new NativeLibraryException(libraryName, null, "libseccomp has no seccomp_version(); need "
          + MINIMUM_VERSION + " or newer", e);
    }
    if (!version.atLeast(MINIMUM_VERSION)) {
      throw new NativeLibraryException(libraryName, version, "libseccomp " + version + " is too old; need "
          + MINIMUM_VERSION + " or newer", null);
    }
    Libseccomp lib = new Libseccomp(libraryName, api, libc, version);
    lib.forceApiLevel();
    return lib;
  }

  private void forceApiLevel() {
    synchronized (API_LOCK) {
      if (!apiLevelSet) {
        int rc = api.seccomp_api_set(API_LEVEL);
        if (rc < 0) {
          throw new SeccompNativeException("seccomp_api_set", -rc, null, null, null,
              "cannot force API level " + API_LEVEL);
        }
        apiLevelSet = true;
      }
    }
  }

  /** The library name this instance was loaded from. */
  public String libraryName() {
    return libraryName;
  }

  /** The loaded version. */
  public LibseccompVersion version() {
    return version;
  }

  /** The API level libseccomp reports (after forcing it to {@link #API_LEVEL}). */
  public int apiLevel() {
    return api.seccomp_api_get();
  }

  /** The native architecture token ({@code AUDIT_ARCH_*}). */
  public int nativeArch() {
    return nativeArch;
  }

  /** {@code seccomp_arch_resolve_name}; 0 when libseccomp does not know the name. */
  public int resolveArch(String libseccompName) {
    return api.seccomp_arch_resolve_name(libseccompName);
  }

  /** {@code seccomp_syscall_resolve_name}: native numbering, -1 when unknown, negative pseudo numbers possible. */
  public int resolveSyscall(String name) {
    return api.seccomp_syscall_resolve_name(name);
  }

  /** {@code seccomp_syscall_resolve_name_arch}: -1 when unknown, negative pseudo number when absent on the arch. */
  public int resolveSyscall(int archToken, String name) {
    return api.seccomp_syscall_resolve_name_arch(archToken, name);
  }

  /** {@code seccomp_syscall_resolve_num_arch}, freeing the returned string; null when unknown. */
  public @Nullable String syscallName(int archToken, int nr) {
    Pointer p = api.seccomp_syscall_resolve_num_arch(archToken, nr);
    if (p == null) {
      return null;
    }
    try {
      return p.getString(0);
    } finally {
      libc.free(p);
    }
  }

  /**
   * A new filter context with {@code SCMP_FLTATR_API_SYSRAWRC} set, so system errors keep their
   * errno instead of collapsing to ECANCELED.
   */
  public FilterContext newContext(int defaultAction, @Nullable String profile) {
    Pointer ctx = api.seccomp_init(defaultAction);
    if (ctx == null) {
      throw new SeccompNativeException("seccomp_init", 22, profile, null, null,
          String.format("default action 0x%08x is invalid or not supported", defaultAction));
    }
    FilterContext fc = new FilterContext(this, ctx, profile);
    try {
      fc.setAttribute(ATTR_API_SYSRAWRC, 1, "SCMP_FLTATR_API_SYSRAWRC");
    } catch (RuntimeException e) {
      fc.close();
      throw e;
    }
    return fc;
  }

  LibSeccompApi api() {
    return api;
  }

  /**
   * Runs an export function against an in-memory file and returns what it wrote: libseccomp 2.5
   * has no export-to-buffer, so we use {@code memfd_create} and fall back to a temporary file when
   * the kernel or libc lacks it.
   */
  byte[] export(String function, ToIntFunction<Integer> exporter, @Nullable String profile) {
    int fd;
    try {
      fd = libc.memfd_create("spo-seccomp-export", LibC.MFD_CLOEXEC);
    } catch (UnsatisfiedLinkError e) {
      fd = -1; // glibc < 2.27
    }
    if (fd < 0) {
      return exportViaTempFile(function, exporter, profile);
    }
    try {
      int rc = exporter.applyAsInt(fd);
      if (rc < 0) {
        throw new SeccompNativeException(function, -rc, profile, null, null, "export failed");
      }
      if (libc.lseek(fd, 0, LibC.SEEK_SET) < 0) {
        throw new SeccompNativeException("lseek", Native.getLastError(), profile, null, null, "cannot rewind export");
      }
      return readAll(fd, profile);
    } finally {
      libc.close(fd);
    }
  }

  private byte[] readAll(int fd, @Nullable String profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    while (true) {
      long n = libc.read(fd, buf, buf.length);
      if (n < 0) {
        throw new SeccompNativeException("read", Native.getLastError(), profile, null, null, "cannot read export");
      }
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(buf, 0, (int) n);
    }
  }

  private byte[] exportViaTempFile(String function, ToIntFunction<Integer> exporter, @Nullable String profile) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("spo-seccomp-", ".export");
      int fd = libc.open(tmp.toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
      if (fd < 0) {
        throw new SeccompNativeException("open", Native.getLastError(), profile, null, null,
            "cannot open temporary export file " + tmp);
      }
      try {
        int rc = exporter.applyAsInt(fd);
        if (rc < 0) {
          throw new SeccompNativeException(function, -rc, profile, null, null, "export failed");
        }
      } finally {
        libc.close(fd);
      }
      return Files.readAllBytes(tmp);
    } catch (IOException e) {
      throw new SeccompNativeException(function, 5, profile, null, null,
          "temporary export file: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // A leftover file in the temp directory is harmless; the export result is what matters.
        }
      }
    }
  }

  /** Copies {@code struct scmp_arg_cmp[]} into native memory: {arg u32, op u32, datum_a u64, datum_b u64}. */
  static @Nullable Memory argArray(int[] index, int[] op, long[] datumA, long[] datumB) {
    if (index.length == 0) {
      return null;
    }
    Memory m = new Memory(24L * index.length);
    for (int i = 0; i < index.length; i++) {
      long base = 24L * i;
      m.setInt(base, index[i]);
      m.setInt(base + 4, op[i]);
      m.setLong(base + 8, datumA[i]);
      m.setLong(base + 16, datumB[i]);
    }
    return m;
  }
}
