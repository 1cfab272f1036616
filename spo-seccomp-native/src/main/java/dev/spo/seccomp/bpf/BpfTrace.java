package dev.spo.seccomp.bpf;

import java.util.List;
import java.util.Objects;

/**
 * A verdict together with the instructions that produced it.
 *
 * @param verdict what the program returned
 * @param path indexes of the executed instructions in execution order; the last one ended the run
 */
public record BpfTrace(BpfVerdict verdict, List<Integer> path) {
  public BpfTrace {
    Objects.requireNonNull(verdict, "verdict");
    path = List.copyOf(path);
  }
}
