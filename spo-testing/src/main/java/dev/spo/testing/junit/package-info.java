/**
 * JUnit 5 extensions: {@link dev.spo.testing.junit.LocalRegistryExtension} runs a real OCI
 * registry (CNCF Distribution, Debian's {@code docker-registry}) on loopback for a test class;
 * {@link dev.spo.testing.junit.TestSigstoreExtension} creates an offline test Sigstore PKI
 * (keyless signers, verifiers and a {@code trusted_root.json}) for a test class.
 */
@NullMarked
package dev.spo.testing.junit;

import org.jspecify.annotations.NullMarked;
