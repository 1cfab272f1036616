package dev.spo.selinux;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks SELinux profiles the way SPO's daemon and webhook do, plus what {@code secilc} would
 * reject anyway (block names that are no CIL identifiers, empty permission lists), so a bad
 * profile fails here with every problem listed rather than at compile time with one.
 *
 * <ul>
 *   <li>SelinuxProfile: label keys {@code ^([a-zA-Z0-9.\-_]+|@self)$}, classes and permissions
 *       {@code ^[a-zA-Z0-9.\-_]+$}; the deny lists of {@link SelinuxPolicyOptions}; System
 *       inherits must be allowed templates; inherit names must be CIL identifiers.
 *   <li>RawSelinuxProfile: non-blank, at most {@value RawSelinuxProfile#MAX_POLICY_LENGTH}
 *       characters, well-formed UTF-16 (so valid UTF-8 when written), no NUL, balanced
 *       parentheses, and none of SPO's forbidden directives in directive position.
 * </ul>
 */
public final class SelinuxValidator {
  private static final Pattern LABEL = Pattern.compile("^([a-zA-Z0-9.\\-_]+|@self)$");
  private static final Pattern CLASS_OR_PERMISSION = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");
  /** What secilc accepts as a block or template name: a letter, then letters, digits, _ or -. */
  private static final Pattern CIL_IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*$");

  /** Directives a raw policy must not use (SPO {@code RawSelinuxProfile.ValidatePolicy}). */
  public static final Set<String> FORBIDDEN_RAW_DIRECTIVES =
      Set.of(
          "block", "blockinherit", "blockstart", "booleanif", "category", "categoryorder", "class",
          "classmap", "classmapping", "classorder", "context", "dominance", "filecon", "genfscon",
          "level", "levelrange", "mls", "netifcon", "nodecon", "optional", "policycap", "portcon",
          "role", "roletype", "sensitivity", "sensitivityorder", "sid", "sidcontext", "sidorder",
          "tunable", "tunableif", "typepermissive", "user", "userrole");

  private final SelinuxPolicyOptions options;

  private SelinuxValidator(SelinuxPolicyOptions options) {
    this.options = options;
  }

  /** A validator with the given node options. */
  public static SelinuxValidator of(SelinuxPolicyOptions options) {
    return new SelinuxValidator(Objects.requireNonNull(options, "options"));
  }

  /** A validator with SPO's default options. */
  public static SelinuxValidator defaults() {
    return new SelinuxValidator(SelinuxPolicyOptions.defaults());
  }

  /** The options this validator applies. */
  public SelinuxPolicyOptions options() {
    return options;
  }

  /** Every problem of the profile, in document order; empty when it is valid. */
  public List<Violation> validate(SelinuxProfile profile) {
    List<Violation> out = new ArrayList<>();
    checkName(profile.name(), out);
    SelinuxSpec spec = profile.spec();
    for (int i = 0; i < spec.inherit().size(); i++) {
      PolicyRef ref = spec.inherit().get(i);
      String pointer = "/spec/inherit/" + i + "/name";
      if (ref.name().isEmpty()) {
        out.add(new Violation(pointer, "must not be empty"));
      } else if (!CIL_IDENTIFIER.matcher(ref.name()).matches()) {
        out.add(new Violation(pointer, "'" + ref.name() + "' is not a valid CIL block name"));
      } else if (ref.kind() == PolicyRef.Kind.SYSTEM && !options.allowedSystemProfiles().contains(ref.name())) {
        out.add(
            new Violation(
                pointer,
                "system profile '"
                    + ref.name()
                    + "' is not allowed (allowed: "
                    + String.join(", ", options.allowedSystemProfiles())
                    + ")"));
      }
    }
    for (Map.Entry<String, Map<String, List<String>>> label : spec.allow().entrySet()) {
      String labelPointer = "/spec/allow/" + escape(label.getKey());
      if (!LABEL.matcher(label.getKey()).matches()) {
        out.add(new Violation(labelPointer, "label '" + label.getKey() + "' must match " + LABEL.pattern()));
      } else if (options.deniedTypes().contains(label.getKey())) {
        out.add(new Violation(labelPointer, "type '" + label.getKey() + "' is not allowed"));
      }
      for (Map.Entry<String, List<String>> cls : label.getValue().entrySet()) {
        String classPointer = labelPointer + "/" + escape(cls.getKey());
        if (!CLASS_OR_PERMISSION.matcher(cls.getKey()).matches()) {
          out.add(
              new Violation(classPointer, "object class '" + cls.getKey() + "' must match " + CLASS_OR_PERMISSION.pattern()));
        } else if (options.deniedClasses().contains(cls.getKey())) {
          out.add(new Violation(classPointer, "object class '" + cls.getKey() + "' is not allowed"));
        }
        if (cls.getValue().isEmpty()) {
          out.add(new Violation(classPointer, "must list at least one permission"));
        }
        for (int i = 0; i < cls.getValue().size(); i++) {
          String perm = cls.getValue().get(i);
          String permPointer = classPointer + "/" + i;
          if (!CLASS_OR_PERMISSION.matcher(perm).matches()) {
            out.add(new Violation(permPointer, "permission '" + perm + "' must match " + CLASS_OR_PERMISSION.pattern()));
          } else if (options.deniedPermissions().contains(perm)) {
            out.add(new Violation(permPointer, "permission '" + perm + "' is not allowed"));
          }
        }
      }
    }
    return out;
  }

  /** Every problem of the raw profile; empty when it is valid. */
  public List<Violation> validate(RawSelinuxProfile profile) {
    List<Violation> out = new ArrayList<>();
    checkName(profile.name(), out);
    out.addAll(validateRawPolicy(profile.spec().policy()));
    return out;
  }

  /** Fails with every problem of the profile. */
  public void check(SelinuxProfile profile) {
    List<Violation> v = validate(profile);
    if (!v.isEmpty()) {
      throw new SelinuxValidationException(profile.name(), v);
    }
  }

  /** Fails with every problem of the raw profile. */
  public void check(RawSelinuxProfile profile) {
    List<Violation> v = validate(profile);
    if (!v.isEmpty()) {
      throw new SelinuxValidationException(profile.name(), v);
    }
  }

  private static void checkName(String name, List<Violation> out) {
    if (name.isEmpty()) {
      out.add(new Violation("/metadata/name", "must not be empty"));
    } else if (!CIL_IDENTIFIER.matcher(name).matches()) {
      out.add(
          new Violation(
              "/metadata/name",
              "'" + name + "' is not a valid CIL block name (a letter, then letters, digits, '_' or '-')"));
    }
  }

  /** The problems of a raw policy text (pointer {@code /spec/policy}). */
  public static List<Violation> validateRawPolicy(String policy) {
    String pointer = "/spec/policy";
    List<Violation> out = new ArrayList<>();
    if (policy.isBlank()) {
      out.add(new Violation(pointer, "must not be empty"));
      return out;
    }
    if (policy.length() > RawSelinuxProfile.MAX_POLICY_LENGTH) {
      out.add(
          new Violation(
              pointer, "is " + policy.length() + " characters long, more than " + RawSelinuxProfile.MAX_POLICY_LENGTH));
      return out;
    }
    int line = 1;
    int depth = 0;
    boolean inComment = false;
    boolean inString = false;
    boolean reportedNul = false;
    boolean reportedUtf = false;
    for (int i = 0; i < policy.length(); i++) {
      char c = policy.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < policy.length() && Character.isLowSurrogate(policy.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c) && !reportedUtf) {
        out.add(new Violation(pointer, "is not valid UTF-8 (unpaired surrogate at line " + line + ")"));
        reportedUtf = true;
      }
      if (c == '\0' && !reportedNul) {
        out.add(new Violation(pointer, "must not contain a NUL character (line " + line + ")"));
        reportedNul = true;
      }
      if (c == '\n') {
        line++;
        inComment = false;
        continue;
      }
      if (inComment) {
        continue;
      }
      if (inString) {
        if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case ';' -> inComment = true;
        case '"' -> inString = true;
        case '(' -> {
          depth++;
          String directive = directiveAfter(policy, i + 1);
          if (FORBIDDEN_RAW_DIRECTIVES.contains(directive.toLowerCase(Locale.ROOT))) {
            out.add(new Violation(pointer, "directive '" + directive + "' is not allowed (line " + line + ")"));
          }
        }
        case ')' -> {
          if (depth == 0) {
            out.add(new Violation(pointer, "unmatched ')' at line " + line));
            return out;
          }
          depth--;
        }
        default -> {
          // other characters carry no structure
        }
      }
    }
    if (depth > 0) {
      out.add(new Violation(pointer, depth + " unclosed '(' at end of policy"));
    }
    return out;
  }

  private static String directiveAfter(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < text.length()) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        i++;
      } else {
        break;
      }
    }
    return text.substring(start, i);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
