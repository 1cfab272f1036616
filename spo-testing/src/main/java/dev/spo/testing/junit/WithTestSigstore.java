package dev.spo.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creates a test Sigstore PKI for the annotated test class, see {@link TestSigstoreExtension}.
 * Test, lifecycle and constructor methods can take a {@link TestSigstoreExtension} parameter.
 *
 * <pre>{@code
 * @WithLocalRegistry
 * @WithTestSigstore
 * class SignedPullTest {
 *   @Test
 *   void verifies(LocalRegistry registry, OciProfiles oci, TestSigstoreExtension sigstore) {
 *     PushResult pushed = oci.push(registry.reference("profiles/app:v1"), PushRequest.of(profile));
 *     sigstore.signer().sign(oci.repository(registry.reference("profiles/app:v1")), pushed.digest(), SigningOptions.defaults());
 *     // pull with SignaturePolicy.require(sigstore.verifier())
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestSigstoreExtension.class)
public @interface WithTestSigstore {}
