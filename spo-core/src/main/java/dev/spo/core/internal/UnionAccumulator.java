package dev.spo.core.internal;

import dev.spo.core.seccomp.Syscall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Folds syscall lists with security-profiles-merger's union, one base at a time:
 * {@code acc = union(base, acc)}. Built for the composer's hot path, where nearly every name of
 * every base hits an existing entry: an open-addressing table whose slot fields sit side by side
 * (name, value, value before this step, this step's own entry; hash and a packed word with the
 * step that last touched the slot, the value's restrictiveness and whether it is unconditional),
 * so the common case "two unconditional rules" is decided without touching the value object. Entries keep the rule they came from (its other names are
 * ignored) and become single-name entries only in {@link #toSortedList()}. Not thread-safe.
 */
public final class UnionAccumulator {
  private static final float LOAD = 0.75f;
  private static final int MAX_CAPACITY = 1 << 28;

  // Slot i: refs[4i] name, refs[4i+1] value, refs[4i+2] value before the current step,
  // refs[4i+3] the current step's own combined entry; ints[2i] hash, ints[2i+1] meta (see meta()).
  // The last two refs let a name repeated within one base be combined within that base first, as
  // the merger does.
  private @Nullable Object[] refs;
  private int[] ints;
  private int capacity;
  private int threshold;
  private int size;
  private int shift;
  private int step;
  /** Starts from the child's rules (duplicates within them combined, earlier entries on the left). */
  public UnionAccumulator(List<Syscall> initial) {
    this(initial, 0);
  }

  /**
   * Like {@link #UnionAccumulator(List)}, sized for {@code expectedNames} distinct names (the
   * table grows past that when needed).
   */
  public UnionAccumulator(List<Syscall> initial, int expectedNames) {
    int names = expectedNames;
    if (names <= 0) {
      for (Syscall s : initial) {
        names += s.names().size();
      }
    }
    int cap = 64;
    while (cap * LOAD < names && cap < MAX_CAPACITY) {
      cap <<= 1;
    }
    allocate(cap);
    add(initial);
  }

  /** {@code acc = union(base, acc)}. */
  public void addBase(List<Syscall> base) {
    step++;
    add(base);
  }

  /** How many distinct names have been seen. */
  public int size() {
    return size;
  }

  private void allocate(int cap) {
    capacity = cap;
    threshold = (int) (cap * LOAD);
    refs = new Object[cap * 4];
    ints = new int[cap * 2];
    shift = 32 - Integer.numberOfTrailingZeros(cap);
  }

  private int indexFor(int hash) {
    // Fibonacci hashing spreads String hash codes that differ only in low bits.
    return (hash * 0x9E3779B9) >>> shift;
  }

  private static int meta(int step, Syscall value) {
    return (step << 4) | (value.action().restrictiveness() << 1) | (value.args().isEmpty() ? 1 : 0);
  }

  private void add(List<Syscall> rules) {
    int current = step;
    for (Syscall rule : rules) {
      List<String> names = rule.names();
      int ruleRank = rule.action().restrictiveness();
      boolean ruleUnconditional = rule.args().isEmpty();
      int ruleMeta = meta(current, rule);
      for (int n = 0, count = names.size(); n < count; n++) {
        String name = names.get(n);
        int h = name.hashCode();
        int mask = capacity - 1;
        int i = indexFor(h);
        while (true) {
          Object k = refs[4 * i];
          if (k == null) {
            refs[4 * i] = name;
            refs[4 * i + 1] = rule;
            refs[4 * i + 2] = null;
            refs[4 * i + 3] = rule;
            ints[2 * i] = h;
            ints[2 * i + 1] = ruleMeta;
            if (++size > threshold) {
              grow();
            }
            break;
          }
          if (ints[2 * i] == h && k.equals(name)) {
            int meta = ints[2 * i + 1];
            if ((meta >>> 4) == current) {
              repeated(i, rule, current);
              break;
            }
            Object value = refs[4 * i + 1];
            refs[4 * i + 2] = value;
            refs[4 * i + 3] = rule;
            if (ruleUnconditional && (meta & 1) != 0) {
              // Both unconditional: the less restrictive wins, ties keep the base (the rule).
              if (((meta >>> 1) & 7) >= ruleRank) {
                refs[4 * i + 1] = rule;
                ints[2 * i + 1] = ruleMeta;
              } else {
                ints[2 * i + 1] = (current << 4) | (meta & 15);
              }
            } else {
              Syscall merged = SyscallMerging.unionPick(rule, (Syscall) value);
              refs[4 * i + 1] = merged;
              ints[2 * i + 1] = meta(current, merged);
            }
            break;
          }
          i = (i + 1) & mask;
        }
      }
    }
  }

  private void repeated(int i, Syscall rule, int current) {
    Syscall combined = SyscallMerging.unionPick((Syscall) refs[4 * i + 3], rule);
    refs[4 * i + 3] = combined;
    Syscall before = (Syscall) refs[4 * i + 2];
    Syscall merged = before == null ? combined : SyscallMerging.unionPick(combined, before);
    refs[4 * i + 1] = merged;
    ints[2 * i + 1] = meta(current, merged);
  }

  private void grow() {
    @Nullable Object[] oldRefs = refs;
    int[] oldInts = ints;
    int oldCapacity = capacity;
    if (oldCapacity >= MAX_CAPACITY) {
      throw new IllegalArgumentException("too many syscall names to merge: " + size);
    }
    allocate(oldCapacity * 2);
    int mask = capacity - 1;
    for (int j = 0; j < oldCapacity; j++) {
      if (oldRefs[4 * j] == null) {
        continue;
      }
      int i = indexFor(oldInts[2 * j]);
      while (refs[4 * i] != null) {
        i = (i + 1) & mask;
      }
      System.arraycopy(oldRefs, 4 * j, refs, 4 * i, 4);
      ints[2 * i] = oldInts[2 * j];
      ints[2 * i + 1] = oldInts[2 * j + 1];
    }
  }

  /** The result: one single-name entry per name, sorted by name. */
  public List<Syscall> toSortedList() {
    String[] names = new String[size];
    int[] slots = new int[size];
    int n = 0;
    for (int i = 0; i < capacity; i++) {
      Object k = refs[4 * i];
      if (k != null) {
        names[n] = (String) k;
        slots[n] = i;
        n++;
      }
    }
    int[] order = NameSort.order(names);
    Syscall[] out = new Syscall[size];
    for (int i = 0; i < size; i++) {
      int src = order[i];
      String name = names[src];
      Syscall v = (Syscall) refs[4 * slots[src] + 1];
      List<String> vNames = v.names();
      out[i] = vNames.size() == 1 && vNames.get(0).equals(name)
          ? v
          : new Syscall(List.of(name), v.action(), v.errnoRet(), v.args());
    }
    return List.of(out);
  }
}
