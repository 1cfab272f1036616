package dev.spo.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link LocalRegistry} with default settings for the annotated test class, see
 * {@link LocalRegistryExtension}. Test, lifecycle and constructor methods can take a
 * {@link LocalRegistry}, {@link dev.spo.oci.RegistryClient} or {@link dev.spo.oci.OciProfiles}
 * parameter.
 *
 * <pre>{@code
 * @WithLocalRegistry
 * class PushTest {
 *   @Test
 *   void pushesAndPulls(LocalRegistry registry, OciProfiles oci) {
 *     oci.push(registry.reference("profiles/app:v1"), PushRequest.of(profile));
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalRegistryExtension.class)
public @interface WithLocalRegistry {}
