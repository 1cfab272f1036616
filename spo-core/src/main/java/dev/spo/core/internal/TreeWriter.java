package dev.spo.core.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes plain Java values (maps keep their order) as YAML or JSON. */
public final class TreeWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                  .disable(YAMLWriteFeature.SPLIT_LINES)
                  .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                  .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .stringQuotingChecker(new YamlQuoting())
                  .build())
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private TreeWriter() {}

  public static String json(Object tree) {
    return JSON.writeValueAsString(tree);
  }

  /**
   * Indented JSON in the layout of Go's {@code json.MarshalIndent(v, "", "  ")}, which SPO and the
   * runtimes use: two-space indent, {@code "key": value}, empty containers as {@code []} and
   * {@code {}}; followed by a newline.
   */
  public static String prettyJson(@Nullable Object tree) {
    StringBuilder sb = new StringBuilder();
    pretty(sb, tree, 0);
    return sb.append('\n').toString();
  }

  private static void pretty(StringBuilder sb, @Nullable Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        indent(sb, depth + 1);
        sb.append(JSON.writeValueAsString(String.valueOf(e.getKey()))).append(": ");
        pretty(sb, e.getValue(), depth + 1);
      }
      sb.append('\n');
      indent(sb, depth);
      sb.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      boolean first = true;
      for (Object item : list) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        indent(sb, depth + 1);
        pretty(sb, item, depth + 1);
      }
      sb.append('\n');
      indent(sb, depth);
      sb.append(']');
    } else {
      sb.append(JSON.writeValueAsString(value));
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  public static String yaml(Object tree) {
    return YAML.writeValueAsString(tree);
  }
}
