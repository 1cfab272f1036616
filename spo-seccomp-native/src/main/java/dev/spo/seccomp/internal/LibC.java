package dev.spo.seccomp.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The few libc functions the export path needs. Signatures assume LP64 Linux ({@code off_t},
 * {@code ssize_t} and {@code size_t} are 64-bit), the only platform libseccomp ships for here.
 */
interface LibC extends Library {
  int MFD_CLOEXEC = 1;
  int O_RDWR = 2;
  int O_CLOEXEC = 0x80000;
  int SEEK_SET = 0;

  int memfd_create(String name, int flags);

  int open(String path, int flags);

  long lseek(int fd, long offset, int whence);

  long read(int fd, byte[] buf, long count);

  int close(int fd);

  void free(Pointer p);
}
