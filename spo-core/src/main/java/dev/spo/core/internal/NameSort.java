package dev.spo.core.internal;

import java.util.Arrays;

/**
 * Orders syscall names as {@link String#compareTo} does, fast. Comparison sorts of strings chase
 * two pointers per comparison and cost {@code n log n}; composing deep base chains spent most of
 * its time there. Syscall names are short ASCII, so this is an MSD sort on 8-character chunks:
 * each name gets an order-preserving 64-bit key from eight of its characters, keys are
 * radix-sorted (linear; insertion-sorted for small groups), and names sharing a chunk are ordered
 * by the next one. A character above U+00FF sends its group to a comparison sort.
 */
public final class NameSort {
  static final int SMALL = 48;
  private static final long NOT_BYTES = -1L;

  private NameSort() {}

  /** Sorts the array in place. */
  public static void sort(String[] names) {
    int[] order = order(names);
    String[] copy = names.clone();
    for (int i = 0; i < order.length; i++) {
      names[i] = copy[order[i]];
    }
  }

  /** The permutation that sorts {@code names}: {@code names[order[0]]} is the smallest. */
  public static int[] order(String[] names) {
    int n = names.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sortRange(names, order, new long[n], new int[n], 0, n, 0);
    return order;
  }

  private static void sortRange(String[] names, int[] order, long[] keyOf, int[] tmp, int from, int to, int offset) {
    for (int i = from; i < to; i++) {
      long key = chunkKey(names[order[i]], offset);
      if (key == NOT_BYTES) {
        comparisonSort(names, order, from, to);
        return;
      }
      keyOf[order[i]] = key;
    }
    if (to - from < SMALL) {
      insertionSortByKey(keyOf, order, from, to);
    } else {
      radixSort(keyOf, order, tmp, from, to);
    }
    // Names with equal keys share these eight characters; order them by what follows.
    int runStart = from;
    for (int i = from + 1; i <= to; i++) {
      if (i == to || keyOf[order[i]] != keyOf[order[runStart]]) {
        if (i - runStart > 1) {
          if (anyLongerThan(names, order, runStart, i, offset + 8)) {
            sortRange(names, order, keyOf, tmp, runStart, i, offset + 8);
          } else {
            // Equal chunks and nothing after them: only trailing U+0000 can differ.
            comparisonSort(names, order, runStart, i);
          }
        }
        runStart = i;
      }
    }
  }

  /**
   * Characters {@code offset..offset+7} as big-endian bytes, zero-padded; {@link #NOT_BYTES} when
   * one does not fit in a byte (eight U+00FF characters also give -1 and merely take the slow path).
   */
  static long chunkKey(String s, int offset) {
    int end = Math.min(offset + 8, s.length());
    long key = 0;
    int i = offset;
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return NOT_BYTES;
      }
      key = (key << 8) | c;
    }
    int used = Math.max(0, end - offset);
    return used == 0 ? 0 : key << (8 * (8 - used));
  }

  private static boolean anyLongerThan(String[] names, int[] order, int from, int to, int length) {
    for (int i = from; i < to; i++) {
      if (names[order[i]].length() > length) {
        return true;
      }
    }
    return false;
  }

  private static void insertionSortByKey(long[] keyOf, int[] order, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int cur = order[i];
      long key = keyOf[cur];
      int j = i - 1;
      while (j >= from && Long.compareUnsigned(keyOf[order[j]], key) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = cur;
    }
  }

  private static void comparisonSort(String[] names, int[] order, int from, int to) {
    Integer[] boxed = new Integer[to - from];
    for (int i = from; i < to; i++) {
      boxed[i - from] = order[i];
    }
    Arrays.sort(boxed, (a, b) -> names[a].compareTo(names[b]));
    for (int i = from; i < to; i++) {
      order[i] = boxed[i - from];
    }
  }

  /** Stable LSD radix sort of {@code order[from..to)} by unsigned key, one byte per pass. */
  private static void radixSort(long[] keyOf, int[] order, int[] tmp, int from, int to) {
    int n = to - from;
    int[] count = new int[257];
    int[] src = order;
    int srcFrom = from;
    int[] dst = tmp;
    int dstFrom = from;
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = srcFrom; i < srcFrom + n; i++) {
        count[(int) ((keyOf[src[i]] >>> shift) & 0xFF) + 1]++;
      }
      // A byte position where every key agrees (a shared prefix, or padding) orders nothing.
      if (allInOneBucket(count, n)) {
        continue;
      }
      for (int b = 0; b < 256; b++) {
        count[b + 1] += count[b];
      }
      for (int i = srcFrom; i < srcFrom + n; i++) {
        int idx = src[i];
        dst[dstFrom + count[(int) ((keyOf[idx] >>> shift) & 0xFF)]++] = idx;
      }
      int[] swap = src;
      src = dst;
      dst = swap;
    }
    if (src != order) {
      System.arraycopy(src, from, order, from, n);
    }
  }

  private static boolean allInOneBucket(int[] count, int n) {
    for (int b = 1; b <= 256; b++) {
      if (count[b] != 0) {
        return count[b] == n;
      }
    }
    return true;
  }
}
