package dev.spo.apparmor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A set of AppArmor path rules that knows which literal paths its globs cover, for the union
 * merge. Globs are the validated ones: {@code *} (any characters but {@code /}), {@code **} (any
 * characters) and {@code ?} (one character but {@code /}). A path with an {@code @{variable}} is
 * treated as a pattern that matches nothing, since the variable's value is not known here: it is
 * only ever equal to itself.
 */
public final class PathSet {
  private final Set<String> literals = new LinkedHashSet<>();
  private final Map<String, @Nullable Pattern> globs = new LinkedHashMap<>();

  public PathSet(List<String> paths) {
    paths.forEach(this::add);
  }

  /** Whether the path has glob or variable syntax. */
  public static boolean isGlob(String path) {
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.contains("@{");
  }

  /** The text before the first glob token. */
  static String literalPrefix(String glob) {
    int end = glob.length();
    for (String token : new String[] {"*", "?", "@{"}) {
      int i = glob.indexOf(token);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return glob.substring(0, end);
  }

  /** The regular expression of a glob, or null for a pattern this class cannot match. */
  static @Nullable Pattern compile(String glob) {
    if (glob.contains("@{")) {
      return null;
    }
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        if (c == '?') {
          re.append("[^/]");
        } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
          }
        } else {
          re.append("[^/]*");
        }
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  public void add(String path) {
    if (isGlob(path)) {
      globs.putIfAbsent(path, compile(path));
    } else {
      literals.add(path);
    }
  }

  /** A literal present or matched by a glob of the set. */
  public boolean matches(String literal) {
    if (literals.contains(literal)) {
      return true;
    }
    for (Pattern p : globs.values()) {
      if (p != null && p.matcher(literal).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the set already grants the path: a literal present or matched by a glob; a glob
   * present verbatim or expanded by a {@code <prefix>**} glob of the set whose prefix contains its
   * own literal prefix.
   */
  public boolean covers(String path) {
    if (!isGlob(path)) {
      return matches(path);
    }
    if (globs.containsKey(path)) {
      return true;
    }
    String prefix = dirPrefix(literalPrefix(path));
    Pattern own = compile(path);
    for (String g : globs.keySet()) {
      String gPrefix = literalPrefix(g);
      boolean starStar = g.equals(gPrefix + "**") && gPrefix.endsWith("/") && !gPrefix.contains("@{");
      if (starStar && prefix.startsWith(gPrefix) && (!prefix.equals(gPrefix) || own == null || !own.matcher(gPrefix).matches())) {
        return true;
      }
    }
    return false;
  }

  private static String dirPrefix(String literal) {
    return literal.substring(0, literal.lastIndexOf('/') + 1);
  }

  /** Removes the path if present exactly; whether it was. */
  public boolean popExact(String path) {
    if (literals.remove(path)) {
      return true;
    }
    if (globs.containsKey(path)) {
      globs.remove(path);
      return true;
    }
    return false;
  }

  /** Removes and returns the literals the glob matches. */
  public List<String> popCoveredLiterals(String glob) {
    Pattern p = compile(glob);
    List<String> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    for (Iterator<String> it = literals.iterator(); it.hasNext(); ) {
      String lit = it.next();
      if (p.matcher(lit).matches()) {
        out.add(lit);
        it.remove();
      }
    }
    return out;
  }

  /** Every path of the set. */
  public List<String> paths() {
    List<String> out = new ArrayList<>(literals);
    out.addAll(globs.keySet());
    return out;
  }
}
