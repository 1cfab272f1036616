package dev.spo.oci;

import dev.spo.oci.internal.Json;
import dev.spo.oci.internal.RegistryHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Connection settings for OCI registries, and the HTTP machinery behind them: credentials per
 * registry host (explicit, or from a docker/podman {@code config.json}), an optional CA bundle,
 * plain HTTP for explicitly listed hosts only, connect and request timeouts, and an own pool of
 * daemon threads that {@link #close()} shuts down. Host configuration such as {@code
 * registries.conf} is never read. One client is one identity: its token cache is not shared.
 */
public final class RegistryClient implements AutoCloseable {
  private final RegistryHttp http;

  private RegistryClient(RegistryHttp http) {
    this.http = http;
  }

  public static Builder builder() {
    return new Builder();
  }

  RegistryHttp http() {
    return http;
  }

  /** Stops the client's threads. Calls in progress fail. */
  @Override
  public void close() {
    http.close();
  }

  /** Builder for {@link RegistryClient}. */
  public static final class Builder {
    private final Map<String, Credentials> credentials = new HashMap<>();
    private @Nullable Path authFile;
    private @Nullable Path caFile;
    private final Set<String> plainHttp = new HashSet<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Credentials for one registry (as written in references, e.g. {@code ghcr.io} or {@code 127.0.0.1:5000}). */
    public Builder credentials(String registry, Credentials value) {
      credentials.put(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(value, "credentials"));
      return this;
    }

    /**
     * A docker/podman auth file ({@code config.json} / {@code auth.json}); its {@code auths}
     * entries are used for registries without explicit credentials. Credential helpers and
     * identity tokens are not supported.
     */
    public Builder authFile(Path file) {
      this.authFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** PEM file with the CA certificates to trust instead of the JDK's default trust store. */
    public Builder caCertificates(Path pemFile) {
      this.caFile = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    /** Talk plain HTTP (no TLS) to this {@code host[:port]}; only for local test registries. */
    public Builder plainHttp(String hostAndPort) {
      plainHttp.add(Objects.requireNonNull(hostAndPort, "hostAndPort"));
      return this;
    }

    /** TCP connect timeout (default 10 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value);
      return this;
    }

    /** Deadline for one HTTP exchange, including reading the body (default 60 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value);
      return this;
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      return d;
    }

    public RegistryClient build() {
      Map<String, Credentials> all = new HashMap<>();
      if (authFile != null) {
        all.putAll(readAuthFile(authFile));
      }
      all.putAll(credentials);
      Map<String, RegistryHttp.Auth> auths = new HashMap<>();
      all.forEach(
          (host, c) ->
              auths.put(host, new RegistryHttp.Auth(c.authorization(), c.isBearerToken() ? null : c.authorization())));
      SSLContext ssl = caFile == null ? null : sslContext(caFile);
      return new RegistryClient(
          new RegistryHttp(new RegistryHttp.Settings(auths::get, ssl, plainHttp, connectTimeout, requestTimeout)));
    }

    private static SSLContext sslContext(Path pem) {
      try (InputStream in = Files.newInputStream(pem)) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          ks.setCertificateEntry("ca-" + i++, c);
        }
        if (i == 0) {
          throw new IllegalArgumentException("no certificates in " + pem);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot load CA certificates from " + pem + ": " + e.getMessage(), e);
      }
    }

    private static Map<String, Credentials> readAuthFile(Path file) {
      Map<String, Credentials> out = new HashMap<>();
      byte[] bytes;
      try {
        if (Files.size(file) > 1 << 20) {
          throw new IllegalArgumentException("auth file is larger than 1 MiB: " + file);
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read auth file " + file + ": " + e.getMessage(), e);
      }
      Map<String, @Nullable Object> doc = Json.readObject(bytes, file.toString());
      if (!(doc.get("auths") instanceof Map<?, ?> auths)) {
        return out;
      }
      for (Map.Entry<?, ?> e : auths.entrySet()) {
        if (!(e.getValue() instanceof Map<?, ?> entry)) {
          continue;
        }
        String user = entry.get("username") instanceof String s ? s : null;
        String pass = entry.get("password") instanceof String s ? s : null;
        if (entry.get("auth") instanceof String auth && !auth.isEmpty()) {
          String decoded;
          try {
            decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("auth file " + file + ": entry " + e.getKey() + " is not valid base64", ex);
          }
          int colon = decoded.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("auth file " + file + ": entry " + e.getKey() + " is not user:password");
          }
          // Split at the first colon only: passwords may contain colons.
          user = decoded.substring(0, colon);
          pass = decoded.substring(colon + 1);
        }
        if (user != null && pass != null && !user.isEmpty()) {
          out.put(normalizeHost(String.valueOf(e.getKey())), Credentials.basic(user, pass));
        }
      }
      return out;
    }

    private static String normalizeHost(String key) {
      String host = key.replaceFirst("^https?://", "");
      int slash = host.indexOf('/');
      if (slash >= 0) {
        host = host.substring(0, slash);
      }
      return switch (host) {
        case "index.docker.io", "registry-1.docker.io" -> OciReference.DOCKER_HUB;
        default -> host;
      };
    }
  }
}
