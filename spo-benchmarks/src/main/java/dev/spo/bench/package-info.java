/**
 * JMH benchmarks of spo-java: composing deep base chains and reading/writing profiles. Run with
 * {@code java -jar spo-benchmarks/target/benchmarks.jar}; figures are in {@code docs/PERFORMANCE.md}.
 */
@NullMarked
package dev.spo.bench;

import org.jspecify.annotations.NullMarked;
