package dev.spo.seccomp.kernel;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM side of the kernel enforcement test: installs a BPF program on its own thread with
 * {@code prctl(PR_SET_NO_NEW_PRIVS)} + {@code seccomp(SECCOMP_SET_MODE_FILTER)}, makes raw
 * syscalls and prints {@code label ret=<r> errno=<e>} per probe, then halts.
 *
 * <p>Arguments: {@code <bpf-file> <seccomp-flags> <label>:<nr>[:<arg>...]...}; numbers are
 * decimal or {@code 0x} hex (unsigned 64-bit).
 */
public final class FilterLoaderMain {
  private static final long SYS_SECCOMP = 317L; // x86_64
  private static final int PR_SET_DUMPABLE = 4;
  private static final int PR_SET_NO_NEW_PRIVS = 38;

  /** libc through JNA; only Long/Pointer varargs so values are not sign-extended ints. */
  public interface CLib extends Library {
    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    long syscall(long number, Object... args);
  }

  private FilterLoaderMain() {}

  public static void main(String[] argv) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(argv[0]));
    long flags = Long.parseLong(argv[1]);
    int n = argv.length - 2;
    String[] labels = new String[n];
    long[] numbers = new long[n];
    Object[][] args = new Object[n][];
    for (int i = 0; i < n; i++) {
      String[] parts = argv[i + 2].split(":");
      labels[i] = parts[0];
      numbers[i] = parse(parts[1]);
      args[i] = new Object[parts.length - 2];
      for (int j = 2; j < parts.length; j++) {
        args[i][j - 2] = parse(parts[j]);
      }
    }
    CLib c = Native.load("c", CLib.class);
    Memory prog = new Memory(bytes.length);
    prog.write(0, bytes, 0, bytes.length);
    // struct sock_fprog on LP64: u16 len, 6 bytes padding, pointer at offset 8.
    Memory fprog = new Memory(16);
    fprog.clear();
    fprog.setShort(0, (short) (bytes.length / 8));
    fprog.setPointer(8, prog);

    // Warm up every path used after installation: class loading and string building may need
    // syscalls the filter denies.
    StringBuilder out = new StringBuilder(4096);
    probe(c, "warmup", 39L, new Object[0], out);
    out.setLength(0);
    Native.getLastError();

    c.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); // no core dump when a probe is KILL_PROCESS
    int nnp = c.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    long rc = c.syscall(SYS_SECCOMP, 1L /* SECCOMP_SET_MODE_FILTER */, flags, (Pointer) fprog);
    int err = rc == -1 ? Native.getLastError() : 0;
    out.append("nnp ret=").append(nnp).append('\n');
    out.append("install ret=").append(rc).append(" errno=").append(err).append('\n');
    System.out.print(out);
    System.out.flush();
    out.setLength(0);
    if (rc == 0) {
      for (int i = 0; i < n; i++) {
        probe(c, labels[i], numbers[i], args[i], out);
        // Print each line at once so a KILL verdict still leaves the previous lines.
        System.out.print(out);
        System.out.flush();
        out.setLength(0);
      }
    }
    System.out.print("done\n");
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  private static void probe(CLib c, String label, long nr, Object[] args, StringBuilder out) {
    long r = c.syscall(nr, args);
    int e = r == -1 ? Native.getLastError() : 0;
    out.append(label).append(" ret=").append(r).append(" errno=").append(e).append('\n');
  }

  private static long parse(String s) {
    return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
  }
}
