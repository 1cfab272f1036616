package dev.spo.selinux;

import dev.spo.core.validate.Violation;
import dev.spo.core.validate.ValidationException;
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
 *       parentheses outside comments and strings, no unterminated string, none of SPO's
 *       forbidden directives in directive position, and {@code blockinherit} only of a single
 *       udica container template.
 * </ul>
 */
public final class SelinuxValidator {
  private static final Pattern LABEL = Pattern.compile("^([a-zA-Z0-9.\\-_]+|@self)$");
  private static final Pattern CLASS_OR_PERMISSION = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");
  /** What secilc accepts as a block or template name: a letter, then letters, digits, _ or -. */
  private static final Pattern CIL_IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*$");

  /**
   * Directives a raw policy must not use (SPO {@code RawSelinuxProfile.ValidatePolicy}).
   * {@code blockinherit} is allowed only as {@code (blockinherit <template>)} of one of
   * {@link #INHERITABLE_TEMPLATES}, as in SPO's newer validation; v1.0.x rejected it entirely.
   */
  public static final Set<String> FORBIDDEN_RAW_DIRECTIVES =
      Set.of(
          "block", "blockstart", "booleanif", "category", "categoryorder", "class",
          "classmap", "classmapping", "classorder", "context", "dominance", "filecon", "genfscon",
          "level", "levelrange", "mls", "netifcon", "nodecon", "optional", "policycap", "portcon",
          "role", "roletype", "sensitivity", "sensitivityorder", "sid", "sidcontext", "sidorder",
          "tunable", "tunableif", "typepermissive", "user", "userrole");

  /** The udica container templates a raw policy may inherit. */
  public static final Set<String> INHERITABLE_TEMPLATES =
      Set.of(
          "config_container", "container", "home_container", "log_container", "net_container",
          "tmp_container", "tty_container", "virt_container", "x_container");

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
        out.add(Violation.error(pointer, "must not be empty"));
      } else if (!CIL_IDENTIFIER.matcher(ref.name()).matches()) {
        out.add(Violation.error(pointer, "'" + ref.name() + "' is not a valid CIL block name"));
      } else if (ref.kind() == PolicyRef.Kind.SYSTEM && !options.allowedSystemProfiles().contains(ref.name())) {
        out.add(
            Violation.error(
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
        out.add(Violation.error(labelPointer, "label '" + label.getKey() + "' must match " + LABEL.pattern()));
      } else if (options.deniedTypes().contains(label.getKey())) {
        out.add(Violation.error(labelPointer, "type '" + label.getKey() + "' is not allowed"));
      }
      for (Map.Entry<String, List<String>> cls : label.getValue().entrySet()) {
        String classPointer = labelPointer + "/" + escape(cls.getKey());
        if (!CLASS_OR_PERMISSION.matcher(cls.getKey()).matches()) {
          out.add(
              Violation.error(classPointer, "object class '" + cls.getKey() + "' must match " + CLASS_OR_PERMISSION.pattern()));
        } else if (options.deniedClasses().contains(cls.getKey())) {
          out.add(Violation.error(classPointer, "object class '" + cls.getKey() + "' is not allowed"));
        }
        if (cls.getValue().isEmpty()) {
          out.add(Violation.error(classPointer, "must list at least one permission"));
        }
        for (int i = 0; i < cls.getValue().size(); i++) {
          String perm = cls.getValue().get(i);
          String permPointer = classPointer + "/" + i;
          if (!CLASS_OR_PERMISSION.matcher(perm).matches()) {
            out.add(Violation.error(permPointer, "permission '" + perm + "' must match " + CLASS_OR_PERMISSION.pattern()));
          } else if (options.deniedPermissions().contains(perm)) {
            out.add(Violation.error(permPointer, "permission '" + perm + "' is not allowed"));
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
      throw new ValidationException(profile.name(), v);
    }
  }

  /** Fails with every problem of the raw profile. */
  public void check(RawSelinuxProfile profile) {
    List<Violation> v = validate(profile);
    if (!v.isEmpty()) {
      throw new ValidationException(profile.name(), v);
    }
  }

  private static void checkName(String name, List<Violation> out) {
    if (name.isEmpty()) {
      out.add(Violation.error("/metadata/name", "must not be empty"));
    } else if (!CIL_IDENTIFIER.matcher(name).matches()) {
      out.add(
          Violation.error(
              "/metadata/name",
              "'" + name + "' is not a valid CIL block name (a letter, then letters, digits, '_' or '-')"));
    }
  }

  /** The problems of a raw policy text (pointer {@code /spec/policy}). */
  public static List<Violation> validateRawPolicy(String policy) {
    String pointer = "/spec/policy";
    List<Violation> out = new ArrayList<>();
    if (policy.isBlank()) {
      out.add(Violation.error(pointer, "must not be empty"));
      return out;
    }
    if (policy.length() > RawSelinuxProfile.MAX_POLICY_LENGTH) {
      out.add(
          Violation.error(
              pointer, "is " + policy.length() + " characters long, more than " + RawSelinuxProfile.MAX_POLICY_LENGTH));
      return out;
    }
    new RawPolicyScanner(policy, out).scan();
    return out;
  }

  /**
   * Tokenises a raw policy the way the CIL lexer does (comments from {@code ;} to the end of the
   * line, {@code "}-quoted strings that do not span lines) so that neither can hide a parenthesis
   * or a directive, and checks the statements (SPO {@code RawSelinuxProfile.ValidatePolicy}).
   */
  private static final class RawPolicyScanner {
    private static final String POINTER = "/spec/policy";
    private static final String SYMBOL_PUNCTUATION = "[].@=/*-_$%+!|&^:~`#{}'<>?,";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("^[A-Za-z0-9_]+$");

    private enum Inherit {
      NONE,
      TEMPLATE,
      CLOSE
    }

    private final String policy;
    private final List<Violation> out;
    private int line = 1;
    private int depth;
    private boolean statement;
    private Inherit inherit = Inherit.NONE;

    RawPolicyScanner(String policy, List<Violation> out) {
      this.policy = policy;
      this.out = out;
    }

    void scan() {
      boolean reportedNul = false;
      boolean reportedUtf = false;
      int scanLine = 1;
      for (int i = 0; i < policy.length(); i++) {
        char c = policy.charAt(i);
        if (c == '\n') {
          scanLine++;
        } else if (c == '\0' && !reportedNul) {
          out.add(Violation.error(POINTER, "must not contain a NUL character (line " + scanLine + ")"));
          reportedNul = true;
        } else if (Character.isHighSurrogate(c) && i + 1 < policy.length() && Character.isLowSurrogate(policy.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c) && !reportedUtf) {
          out.add(Violation.error(POINTER, "is not valid UTF-8 (unpaired surrogate at line " + scanLine + ")"));
          reportedUtf = true;
        }
      }
      int i = 0;
      while (i < policy.length()) {
        char c = policy.charAt(i);
        if (c == '\n') {
          line++;
          i++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          i++;
        } else if (c == ';') {
          i = skipComment(i + 1);
        } else if (c == '"') {
          int end = i + 1;
          while (end < policy.length() && policy.charAt(end) != '"' && policy.charAt(end) != '\n') {
            end++;
          }
          if (end >= policy.length() || policy.charAt(end) != '"') {
            out.add(Violation.error(POINTER, "unterminated string at line " + line));
            i = end;
            continue;
          }
          token(false, policy.substring(i + 1, end));
          i = end + 1;
        } else if (c == '(') {
          checkInherit(false, "(");
          depth++;
          statement = true;
          i++;
        } else if (c == ')') {
          if (inherit == Inherit.CLOSE) {
            inherit = Inherit.NONE;
          } else {
            checkInherit(false, ")");
          }
          depth--;
          if (depth < 0) {
            out.add(Violation.error(POINTER, "unmatched ')' at line " + line + " would escape the profile's block"));
            return;
          }
          statement = false;
          i++;
        } else if (isSymbolCharacter(c)) {
          int end = i + 1;
          while (end < policy.length() && isSymbolCharacter(policy.charAt(end))) {
            end++;
          }
          token(true, policy.substring(i, end));
          i = end;
        } else {
          i++;
        }
      }
      if (depth > 0) {
        out.add(Violation.error(POINTER, depth + " unclosed '(' at end of policy"));
      }
    }

    private int skipComment(int start) {
      for (int i = start; i < policy.length(); i++) {
        char c = policy.charAt(i);
        if (c == '\n' || c == '\r') {
          return i;
        }
        if (c == '"') {
          int end = i + 1;
          while (end < policy.length() && policy.charAt(end) != '"' && policy.charAt(end) != '\n') {
            end++;
          }
          if (end < policy.length() && policy.charAt(end) == '"') {
            i = end;
          }
        }
      }
      return policy.length();
    }

    /** Handles a token while a blockinherit statement is open; true when it consumed the token. */
    private boolean checkInherit(boolean symbol, String value) {
      switch (inherit) {
        case NONE:
          return false;
        case TEMPLATE:
          if (!symbol || !TEMPLATE_NAME.matcher(value).matches()) {
            singleTemplate();
          } else if (!INHERITABLE_TEMPLATES.contains(value)) {
            out.add(
                Violation.error(
                    POINTER,
                    "blockinherit of '" + value + "' is not allowed, only of the container templates (line " + line + ")"));
            inherit = Inherit.CLOSE;
          } else {
            inherit = Inherit.CLOSE;
          }
          return true;
        default:
          singleTemplate();
          return true;
      }
    }

    private void singleTemplate() {
      out.add(
          Violation.error(
              POINTER, "blockinherit must name a single template, like (blockinherit container) (line " + line + ")"));
      inherit = Inherit.NONE;
    }

    private void token(boolean symbol, String value) {
      if (checkInherit(symbol, value) || !statement) {
        return;
      }
      statement = false;
      String directive = value.toLowerCase(Locale.ROOT);
      if (FORBIDDEN_RAW_DIRECTIVES.contains(directive)) {
        out.add(Violation.error(POINTER, "directive '" + value + "' is not allowed (line " + line + ")"));
      } else if (directive.equals("blockinherit")) {
        inherit = Inherit.TEMPLATE;
      }
    }

    private static boolean isSymbolCharacter(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || SYMBOL_PUNCTUATION.indexOf(c) >= 0;
    }
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
