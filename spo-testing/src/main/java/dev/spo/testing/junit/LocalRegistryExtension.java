package dev.spo.testing.junit;

import dev.spo.oci.OciProfiles;
import dev.spo.oci.RegistryClient;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

/**
 * JUnit 5 extension that runs one {@link LocalRegistry} per test class: started before the first
 * test, stopped (and its storage deleted) after the last. {@code @Nested} classes share the
 * registry of their enclosing class.
 *
 * <p>Either annotate the class with {@link WithLocalRegistry} and take the registry (or its
 * ready {@link RegistryClient} / {@link OciProfiles}) as a parameter of test, lifecycle or
 * constructor methods, or register it on a static field for custom settings:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalRegistryExtension REGISTRY = LocalRegistryExtension.with(LocalRegistry.builder().basicAuth());
 *
 * @Test
 * void pushes() {
 *   REGISTRY.registry().ociProfiles().push(REGISTRY.registry().reference("p/app:v1"), PushRequest.of(profile));
 * }
 * }</pre>
 *
 * <p>Registered on an instance field, {@code beforeAll} never runs, so neither does the registry;
 * use a static field.
 */
public final class LocalRegistryExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalRegistryExtension.class);
  private static final String KEY = "registry";
  private static final Set<Class<?>> RESOLVED = Set.of(LocalRegistry.class, RegistryClient.class, OciProfiles.class);

  private final LocalRegistry.Builder settings;
  private volatile @Nullable LocalRegistry registry;

  /** Default settings (anonymous access); the constructor {@link WithLocalRegistry} uses. */
  public LocalRegistryExtension() {
    this(LocalRegistry.builder());
  }

  private LocalRegistryExtension(LocalRegistry.Builder settings) {
    this.settings = settings;
  }

  /** An extension starting registries with these settings. */
  public static LocalRegistryExtension with(LocalRegistry.Builder settings) {
    return new LocalRegistryExtension(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * The running registry (for extensions registered on a static field).
   *
   * @throws IllegalStateException before the test class starts or after it ends
   */
  public LocalRegistry registry() {
    LocalRegistry r = registry;
    if (r == null) {
      throw new IllegalStateException("the local registry runs from beforeAll to afterAll of the test class; "
          + "register LocalRegistryExtension on a static field");
    }
    return r;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Store lookups see the enclosing classes' stores, so a @Nested class finds the outer registry.
    LocalRegistry existing = context.getStore(NAMESPACE).get(KEY, LocalRegistry.class);
    if (existing != null) {
      registry = existing;
      return;
    }
    LocalRegistry started = settings.start();
    context.getStore(NAMESPACE).put(KEY, started);
    registry = started;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // remove() looks at this class's store only: a @Nested class leaves the outer registry running.
    LocalRegistry own = context.getStore(NAMESPACE).remove(KEY, LocalRegistry.class);
    if (own != null) {
      registry = null;
      own.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return RESOLVED.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    LocalRegistry r = extensionContext.getStore(NAMESPACE).get(KEY, LocalRegistry.class);
    if (r == null) {
      throw new ParameterResolutionException("no local registry is running for " + extensionContext.getDisplayName()
          + "; register LocalRegistryExtension on the class (@WithLocalRegistry) or on a static field");
    }
    Class<?> type = parameterContext.getParameter().getType();
    if (type == RegistryClient.class) {
      return r.registryClient();
    }
    if (type == OciProfiles.class) {
      return r.ociProfiles();
    }
    return r;
  }
}
