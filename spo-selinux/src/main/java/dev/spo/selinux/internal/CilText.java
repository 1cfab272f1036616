package dev.spo.selinux.internal;

import dev.spo.selinux.PolicyRef;
import dev.spo.selinux.SelinuxMode;
import dev.spo.selinux.SelinuxProfile;
import dev.spo.selinux.SelinuxSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The CIL text shapes of SPO's translator ({@code obj2cil.go}) and raw-profile wrapper. */
public final class CilText {
  private static final String INDENT = "    ";

  private CilText() {}

  /**
   * The block of a SelinuxProfile.
   *
   * @param profile the (validated) profile
   * @param inheritedPolicyNames block names of the SelinuxProfile-kind inherits, in spec order
   */
  public static String selinuxProfile(SelinuxProfile profile, List<String> inheritedPolicyNames) {
    StringBuilder sb = new StringBuilder();
    sb.append("(block ").append(profile.policyName()).append('\n');
    if (inheritedPolicyNames.isEmpty()) {
      sb.append("(blockinherit container)\n");
    }
    SelinuxSpec spec = profile.spec();
    for (PolicyRef ref : spec.inherit()) {
      if (ref.kind() == PolicyRef.Kind.SYSTEM && !ref.name().equals("container")) {
        sb.append("(blockinherit ").append(ref.name()).append(")\n");
      }
    }
    for (String name : inheritedPolicyNames) {
      sb.append("(blockinherit ").append(name).append(")\n");
    }
    if (spec.effectiveMode() == SelinuxMode.PERMISSIVE) {
      sb.append("(typepermissive process)\n");
    }
    Map<String, Map<String, List<String>>> sorted = new TreeMap<>();
    spec.allow().forEach((label, classes) -> sorted.put(label, new TreeMap<>(classes)));
    sorted.forEach(
        (label, classes) ->
            classes.forEach(
                (cls, perms) -> {
                  String target = label.equals(SelinuxSpec.SELF) ? profile.usage() : label;
                  sb.append("(allow process ")
                      .append(target)
                      .append(" ( ")
                      .append(cls)
                      .append(" ( ")
                      .append(String.join(" ", new TreeSet<>(perms)))
                      .append(" )))\n");
                }));
    sb.append(")\n");
    return sb.toString();
  }

  /**
   * A raw policy wrapped as SPO does, with the block named {@code <name>} (SPO's newer naming;
   * v0.9.0 to v1.0.x wrote {@code <name>_}): the policy is trimmed, every following line indented
   * by four spaces, and the result trimmed again.
   */
  public static String rawProfile(String name, String policy) {
    String body = goTrimSpace(goTrimSpace(policy).replace("\n", "\n" + INDENT));
    return "(block " + name + "\n" + INDENT + body + "\n)";
  }

  /** Go's {@code strings.TrimSpace}: strips Unicode White_Space from both ends. */
  static String goTrimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    return (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
  }
}
