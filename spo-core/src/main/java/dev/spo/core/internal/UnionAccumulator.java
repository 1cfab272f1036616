package dev.spo.core.internal;

import dev.spo.core.seccomp.Syscall;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Folds syscall lists with security-profiles-merger's union, one base at a time:
 * {@code acc = union(base, acc)}. Built for the composer's hot path: one hash lookup per name and
 * base, no per-step maps, lists or single-name copies; entries keep the rule they came from (its
 * other names are ignored) and become single-name entries only in {@link #toSortedList()}.
 * Not thread-safe.
 */
public final class UnionAccumulator {
  private static final class Slot {
    Syscall value;
    // The value before the current step and the current step's own combined entry, kept so that a
    // name repeated within one base is first combined within that base, as the merger does.
    @Nullable Syscall beforeStep;
    Syscall stepCombined;
    int step;

    Slot(Syscall value, int step) {
      this.value = value;
      this.stepCombined = value;
      this.step = step;
    }
  }

  private final HashMap<String, Slot> slots;
  private int step;

  /** Starts from the child's rules (duplicates within them combined, earlier entries on the left). */
  public UnionAccumulator(List<Syscall> initial) {
    slots = new HashMap<>(Math.max(16, initial.size() * 4));
    add(initial);
  }

  /** {@code acc = union(base, acc)}. */
  public void addBase(List<Syscall> base) {
    step++;
    add(base);
  }

  private void add(List<Syscall> rules) {
    int current = step;
    for (Syscall rule : rules) {
      List<String> names = rule.names();
      for (int i = 0, n = names.size(); i < n; i++) {
        String name = names.get(i);
        Slot slot = slots.get(name);
        if (slot == null) {
          slots.put(name, new Slot(rule, current));
        } else if (slot.step != current) {
          slot.beforeStep = slot.value;
          slot.stepCombined = rule;
          slot.step = current;
          slot.value = SyscallMerging.unionPick(rule, slot.value);
        } else {
          slot.stepCombined = SyscallMerging.unionPick(slot.stepCombined, rule);
          Syscall before = slot.beforeStep;
          slot.value = before == null ? slot.stepCombined : SyscallMerging.unionPick(slot.stepCombined, before);
        }
      }
    }
  }

  /** How many distinct names have been seen. */
  public int size() {
    return slots.size();
  }

  /** The result: one single-name entry per name, sorted by name. */
  public List<Syscall> toSortedList() {
    String[] names = slots.keySet().toArray(new String[0]);
    NameSort.sort(names);
    Syscall[] out = new Syscall[names.length];
    for (int i = 0; i < names.length; i++) {
      Syscall v = slots.get(names[i]).value;
      List<String> vNames = v.names();
      out[i] = vNames.size() == 1 && vNames.get(0).equals(names[i])
          ? v
          : new Syscall(List.of(names[i]), v.action(), v.errnoRet(), v.args());
    }
    return List.of(out);
  }
}
