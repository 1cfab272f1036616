package dev.spo.selinux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CIL of one profile, as SPO writes it to {@code /etc/selinux.d/<name>.cil}, with the
 * policies of the SelinuxProfiles it inherits (which must be installed, or passed to
 * {@code secilc}, together with it).
 *
 * @param name the block name ({@code metadata.name})
 * @param usage the SELinux type pods use ({@code <name>.process})
 * @param cil the policy text
 * @param inherited the policies of directly inherited SelinuxProfiles, in spec order
 */
public record CilPolicy(String name, String usage, String cil, List<CilPolicy> inherited) {
  public CilPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(cil, "cil");
    inherited = List.copyOf(inherited);
  }

  /** The file name SPO uses on the node: {@code <name>.cil}. */
  public String fileName() {
    return name + ".cil";
  }

  /**
   * This policy and every policy it inherits, transitively, each once, inherited policies before
   * the policies that inherit them.
   */
  public List<CilPolicy> closure() {
    Map<String, CilPolicy> out = new LinkedHashMap<>();
    collect(this, out);
    return new ArrayList<>(out.values());
  }

  private static void collect(CilPolicy policy, Map<String, CilPolicy> out) {
    if (out.containsKey(policy.name)) {
      return;
    }
    for (CilPolicy p : policy.inherited) {
      collect(p, out);
    }
    out.put(policy.name, policy);
  }
}
