package dev.spo.core.internal;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes plain Java values (maps keep their order) as YAML or JSON. */
public final class TreeWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final ObjectMapper PRETTY_JSON =
      JsonMapper.builder()
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private TreeWriter() {}

  public static String json(Object tree) {
    return JSON.writeValueAsString(tree);
  }

  public static String prettyJson(Object tree) {
    return PRETTY_JSON.writeValueAsString(tree) + "\n";
  }

  public static String yaml(Object tree) {
    return YAML.writeValueAsString(tree);
  }
}
