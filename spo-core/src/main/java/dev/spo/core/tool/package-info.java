/**
 * Running external command-line tools ({@code secilc}, {@code apparmor_parser}, ...) with a
 * timeout and bounded output capture: {@link dev.spo.core.tool.ToolRunner} returns a
 * {@link dev.spo.core.tool.ToolResult} and fails with a
 * {@link dev.spo.core.tool.ToolExecutionException} that carries the argv, the exit code and the
 * captured stderr.
 */
@NullMarked
package dev.spo.core.tool;

import org.jspecify.annotations.NullMarked;
