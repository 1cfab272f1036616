package dev.spo.core.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes every string value a YAML reader could take for something else. Jackson's default
 * misses exponent floats ({@code 1e3}) and YAML 1.1 special floats ({@code -.Inf}), which would
 * come back as numbers; YAML 1.1 booleans, sexagesimal numbers and timestamps are quoted too.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  // YAML 1.1 and 1.2 integers (decimal, 0x, 0o, 0b, with _), floats with exponents, .inf/.nan,
  // and timestamps starting with a date.
  private static final Pattern NUMBER_OR_DATE =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9_]+)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Set<String> WORDS =
      Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null", "~");

  @Override
  public boolean needToQuoteValue(String value) {
    if (super.needToQuoteValue(value) || value.isEmpty()) {
      return true;
    }
    return NUMBER_OR_DATE.matcher(value).matches() || WORDS.contains(value.toLowerCase(Locale.ROOT));
  }
}
