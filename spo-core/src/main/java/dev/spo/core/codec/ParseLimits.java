package dev.spo.core.codec;

/**
 * Bounds applied while reading untrusted documents. Every limit is checked before the work it
 * bounds grows past it, and a breach is a {@link ProfileParseException}.
 *
 * @param maxDocumentBytes largest input, in bytes (all documents of a stream together)
 * @param maxDocuments most documents in one multi-document stream
 * @param maxNestingDepth deepest nesting of objects and lists
 * @param maxAliases most YAML alias uses in one input
 * @param maxNodes most values in one document, counting every alias expansion (billion-laughs bound)
 * @param maxStringLength longest string value, in characters
 * @param maxNumberLength longest number literal, in characters
 */
public record ParseLimits(
    long maxDocumentBytes,
    int maxDocuments,
    int maxNestingDepth,
    int maxAliases,
    long maxNodes,
    int maxStringLength,
    int maxNumberLength) {

  public ParseLimits {
    positive("maxDocumentBytes", maxDocumentBytes);
    positive("maxDocuments", maxDocuments);
    positive("maxNestingDepth", maxNestingDepth);
    if (maxAliases < 0) {
      throw new IllegalArgumentException("maxAliases must not be negative");
    }
    positive("maxNodes", maxNodes);
    positive("maxStringLength", maxStringLength);
    positive("maxNumberLength", maxNumberLength);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * Defaults sized for real profiles: 8 MiB input, 1000 documents, depth 64, 100 aliases, 2 million
   * values, 1 MiB strings (a RawSelinuxProfile policy may hold 500000 characters), 64-character
   * numbers.
   */
  public static ParseLimits defaults() {
    return new ParseLimits(8L << 20, 1000, 64, 100, 2_000_000, 1 << 20, 64);
  }

  /** A copy with another input size limit. */
  public ParseLimits withMaxDocumentBytes(long value) {
    return new ParseLimits(value, maxDocuments, maxNestingDepth, maxAliases, maxNodes, maxStringLength, maxNumberLength);
  }

  /** A copy with another nesting limit. */
  public ParseLimits withMaxNestingDepth(int value) {
    return new ParseLimits(maxDocumentBytes, maxDocuments, value, maxAliases, maxNodes, maxStringLength, maxNumberLength);
  }

  /** A copy with other alias limits. */
  public ParseLimits withAliases(int aliases, long nodes) {
    return new ParseLimits(maxDocumentBytes, maxDocuments, maxNestingDepth, aliases, nodes, maxStringLength, maxNumberLength);
  }
}
