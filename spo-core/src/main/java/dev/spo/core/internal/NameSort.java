package dev.spo.core.internal;

import java.util.Arrays;

/**
 * Sorts syscall names in {@link String#compareTo} order, fast. Comparison sorts of strings chase
 * two pointers per comparison and cost {@code n log n}; composing deep base chains spends most of
 * its time there. Syscall names are short ASCII, so each name gets an order-preserving 64-bit key
 * from its first eight characters, the keys are radix-sorted (linear), and only runs of names
 * sharing those eight characters are compared as strings. Any character above U+00FF in the first
 * eight falls back to {@link Arrays#sort(Object[])}.
 */
public final class NameSort {
  static final int SMALL = 48;

  private NameSort() {}

  /** Sorts the array in place. */
  public static void sort(String[] names) {
    int n = names.length;
    if (n < SMALL) {
      Arrays.sort(names);
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long key = prefixKey(names[i]);
      if (key == -1L) {
        Arrays.sort(names);
        return;
      }
      keys[i] = key;
    }
    int[] order = radixOrder(keys);
    String[] sorted = new String[n];
    long[] sortedKeys = new long[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = names[order[i]];
      sortedKeys[i] = keys[order[i]];
    }
    // Equal keys mean equal first eight characters; only the rest is left to order.
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || sortedKeys[i] != sortedKeys[runStart]) {
        if (i - runStart > 1) {
          Arrays.sort(sorted, runStart, i);
        }
        runStart = i;
      }
    }
    System.arraycopy(sorted, 0, names, 0, n);
  }

  /**
   * The first eight characters as big-endian bytes, zero-padded; -1 when a character does not fit
   * in a byte (a name starting with eight U+00FF characters also yields -1 and merely takes the
   * slow path).
   */
  static long prefixKey(String s) {
    int len = Math.min(8, s.length());
    long key = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return -1L;
      }
      key = (key << 8) | c;
    }
    return key << (8 * (8 - len));
  }

  /** Indices of {@code keys} in unsigned ascending order (stable LSD radix sort, byte digits). */
  private static int[] radixOrder(long[] keys) {
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] tmp = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((keys[i] >>> shift) & 0xFF) + 1]++;
      }
      // A byte position where every key agrees (a shared prefix, or padding) orders nothing.
      boolean single = false;
      for (int b = 1; b <= 256; b++) {
        if (count[b] == n) {
          single = true;
          break;
        }
        if (count[b] != 0) {
          break;
        }
      }
      if (single) {
        continue;
      }
      for (int b = 0; b < 256; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int idx = order[i];
        tmp[count[(int) ((keys[idx] >>> shift) & 0xFF)]++] = idx;
      }
      int[] swap = order;
      order = tmp;
      tmp = swap;
    }
    return order;
  }
}
