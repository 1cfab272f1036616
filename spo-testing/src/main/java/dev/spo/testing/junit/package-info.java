/**
 * JUnit 5 extensions: {@link dev.spo.testing.junit.LocalRegistryExtension} runs a real OCI
 * registry (CNCF Distribution, Debian's {@code docker-registry}) on loopback for a test class.
 */
@NullMarked
package dev.spo.testing.junit;

import org.jspecify.annotations.NullMarked;
