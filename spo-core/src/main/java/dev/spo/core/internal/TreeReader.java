package dev.spo.core.internal;

import dev.spo.core.codec.ParseLimits;
import dev.spo.core.codec.ProfileParseException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads JSON or YAML (one or many documents) into plain Java values: {@code LinkedHashMap},
 * {@code ArrayList}, String, Long, BigInteger, Double, Boolean and null. Enforces
 * {@link ParseLimits}; YAML aliases are expanded by reference and counted, so a billion-laughs
 * input fails fast instead of exhausting memory.
 */
public final class TreeReader {
  private final ParseLimits limits;
  private final JsonFactory json;
  private final YAMLFactory yaml;

  public TreeReader(ParseLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxDocumentLength(limits.maxDocumentBytes())
            .maxNumberLength(limits.maxNumberLength())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 50_000))
            .build();
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.yaml =
        YAMLFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  public ParseLimits limits() {
    return limits;
  }

  /** Reads at most {@code maxDocumentBytes} from the stream; more is an error. */
  public byte[] readBounded(InputStream in, String source) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentBytes() + 1));
      if (bytes.length > limits.maxDocumentBytes()) {
        throw new ProfileParseException(
            source, null, "", "input is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new ProfileParseException(source, null, "", "cannot read input: " + e.getMessage(), e);
    }
  }

  /** Every document of the input; YAML unless the first non-blank character opens JSON. */
  public List<@Nullable Object> readAll(byte[] bytes, String source) {
    if (bytes.length > limits.maxDocumentBytes()) {
      throw new ProfileParseException(
          source, null, "", "input is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    }
    boolean isJson = looksLikeJson(bytes);
    List<@Nullable Object> documents = new ArrayList<>();
    try (JsonParser parser =
        (isJson ? json : yaml).createParser(ObjectReadContext.empty(), bytes)) {
      State state = new State(parser, source);
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (documents.size() >= limits.maxDocuments()) {
          throw new ProfileParseException(
              source, null, "", "more than " + limits.maxDocuments() + " documents in one input");
        }
        state.nodes = 0;
        documents.add(state.value(token, 1, ""));
      }
      return documents;
    } catch (JacksonException e) {
      throw syntaxError(source, e);
    }
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      return b == '{' || b == '[';
    }
    return false;
  }

  private static ProfileParseException syntaxError(String source, JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    String where = loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    return new ProfileParseException(source, null, "", where + message, e);
  }

  private final class State {
    final JsonParser parser;
    final String source;
    final Map<String, @Nullable Object> anchors = new HashMap<>();
    final Map<Object, Long> sizes = new IdentityHashMap<>();
    long nodes;
    int aliases;

    State(JsonParser parser, String source) {
      this.parser = parser;
      this.source = source;
    }

    private void count(long n, String pointer) {
      nodes += n;
      if (nodes > limits.maxNodes()) {
        throw new ProfileParseException(
            source, null, pointer, "document expands to more than " + limits.maxNodes() + " values");
      }
    }

    @Nullable Object value(JsonToken token, int depth, String pointer) {
      if (depth > limits.maxNestingDepth()) {
        throw new ProfileParseException(
            source, null, pointer, "nesting is deeper than the limit of " + limits.maxNestingDepth());
      }
      if (parser instanceof YAMLParser yp && yp.isCurrentAlias()) {
        return alias(yp.getString(), pointer);
      }
      String anchor = parser instanceof YAMLParser ? objectId() : null;
      long before = nodes;
      count(1, pointer);
      Object value;
      switch (token) {
        case START_OBJECT -> {
          Map<String, @Nullable Object> map = new LinkedHashMap<>();
          JsonToken t;
          while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.PROPERTY_NAME) {
              throw new ProfileParseException(source, null, pointer, "unexpected token " + t);
            }
            String key = parser.currentName();
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            map.put(key, value(parser.nextToken(), depth + 1, child));
          }
          value = map;
        }
        case START_ARRAY -> {
          List<@Nullable Object> list = new ArrayList<>();
          JsonToken t;
          while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(value(t, depth + 1, pointer + "/" + list.size()));
          }
          value = list;
        }
        case VALUE_STRING -> value = parser.getString();
        case VALUE_NUMBER_INT -> value = switch (parser.getNumberType()) {
          case INT, LONG -> parser.getLongValue();
          default -> {
            BigInteger big = parser.getBigIntegerValue();
            yield big.bitLength() <= 63 ? (Object) big.longValue() : big;
          }
        };
        case VALUE_NUMBER_FLOAT -> value = parser.getDoubleValue();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> throw new ProfileParseException(source, null, pointer, "unexpected token " + token);
      }
      if (anchor != null) {
        anchors.put(anchor, value);
        if (value != null) {
          sizes.put(value, nodes - before);
        }
      }
      return value;
    }

    private @Nullable String objectId() {
      Object id = parser.getObjectId();
      return id == null ? null : id.toString();
    }

    private @Nullable Object alias(String name, String pointer) {
      aliases++;
      if (aliases > limits.maxAliases()) {
        throw new ProfileParseException(
            source, null, pointer, "more than " + limits.maxAliases() + " YAML aliases");
      }
      if (!anchors.containsKey(name)) {
        throw new ProfileParseException(source, null, pointer, "YAML alias *" + name + " has no anchor on an object or list before it (anchors on plain values are not supported)");
      }
      Object value = anchors.get(name);
      count(value == null ? 1 : sizes.getOrDefault(value, 1L), pointer);
      return value;
    }
  }
}
