package dev.spo.oci.internal;

import dev.spo.oci.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * HTTP for the OCI distribution API on {@code java.net.http}: our own daemon executor, connect and
 * whole-exchange deadlines, bounded bodies, redirects followed by hand (at most five, credentials
 * dropped when the origin changes), and the Basic and Bearer-token challenge flows with a token
 * cache that belongs to this instance (so identities never share tokens).
 */
public final class RegistryHttp implements AutoCloseable {
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 4096;
  private static final long MAX_TOKEN_RESPONSE = 64 * 1024;
  private static final Pattern AUTH_PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

  /** How to authenticate to one registry; null fields mean "not available". */
  public record Auth(String preemptiveHeader, @Nullable String basicHeader) {
    @Override
    public String toString() {
      return "Auth[****]";
    }
  }

  /** Connection settings. */
  public record Settings(
      Function<String, @Nullable Auth> auth,
      @Nullable SSLContext sslContext,
      Set<String> plainHttpHosts,
      Duration connectTimeout,
      Duration requestTimeout) {
    public Settings {
      plainHttpHosts = Set.copyOf(plainHttpHosts);
    }
  }

  /** A response with a bounded body. */
  public record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    public @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String errorBody() {
      return new String(body, 0, Math.min(body.length, MAX_ERROR_BODY), StandardCharsets.UTF_8);
    }
  }

  private record Token(String value, long expiresAtNanos) {}

  private final Settings settings;
  private final ExecutorService executor;
  // Built on first use, so work on OCI layout directories never sets up HTTP at all.
  private volatile @Nullable HttpClient client;
  private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();
  // Registries that answered 404 on the referrers API: asking again on every signature lookup
  // would cost a round trip each time. Bounded because registry names come from input.
  private final Set<String> withoutReferrersApi = ConcurrentHashMap.newKeySet();
  private static final int MAX_REMEMBERED_REGISTRIES = 1024;

  public RegistryHttp(Settings settings) {
    this.settings = settings;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = newClient();
          client = c;
        }
      }
    }
    return c;
  }

  private HttpClient newClient() {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1 only: no h2c upgrade attempts against plain-HTTP registries.
            .version(HttpClient.Version.HTTP_1_1);
    SSLContext ssl = settings.sslContext();
    b.sslContext(ssl != null ? ssl : DeferredTrust.context());
    return b.build();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "spo-oci-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public Duration requestTimeout() {
    return settings.requestTimeout();
  }

  /** Base URI of a registry host: https, or http when the caller allowed it for that host. */
  public URI base(String apiHost) {
    String scheme = settings.plainHttpHosts().contains(apiHost) ? "http" : "https";
    return URI.create(scheme + "://" + apiHost);
  }

  /**
   * Sends one request with authentication and redirects.
   *
   * @param registry registry name used to look up credentials
   * @param uri absolute request URI
   * @param headers extra headers
   * @param body request body or null
   * @param maxBody largest success body accepted; a larger one is {@code TOO_LARGE}
   * @param scope token scope to ask for when the challenge names none
   * @param ref reference for error messages
   */
  /** Whether {@code registry} is known to lack the OCI referrers API. */
  public boolean lacksReferrersApi(String registry) {
    return withoutReferrersApi.contains(registry);
  }

  /** Remembers that {@code registry} lacks the OCI referrers API (for this client's lifetime). */
  public void markLacksReferrersApi(String registry) {
    if (withoutReferrersApi.size() < MAX_REMEMBERED_REGISTRIES) {
      withoutReferrersApi.add(registry);
    }
  }

  public Response send(
      String registry,
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      long maxBody,
      String scope,
      String ref) {
    Auth auth = settings.auth().apply(registry);
    String tokenKey = uri.getHost() + ":" + uri.getPort() + " " + scope;
    Token cached = tokens.get(tokenKey);
    String authorization = null;
    if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
      authorization = "Bearer " + cached.value();
    } else if (auth != null) {
      authorization = auth.preemptiveHeader();
    }
    Response r = exchangeFollowing(method, uri, headers, body, maxBody, authorization, ref);
    if (r.status() != 401) {
      return r;
    }
    String challenge = r.header("WWW-Authenticate");
    if (challenge == null || !sameOrigin(uri, r.uri())) {
      // A challenge from a host we were redirected to is not the registry's to make: following
      // it could send the registry's credentials to a third party.
      return r;
    }
    String scheme = challenge.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    Map<String, String> params = challengeParams(challenge);
    if (scheme.equals("basic")) {
      if (auth == null || auth.basicHeader() == null || auth.basicHeader().equals(authorization)) {
        return r;
      }
      return exchangeFollowing(method, uri, headers, body, maxBody, auth.basicHeader(), ref);
    }
    if (!scheme.equals("bearer") || params.get("realm") == null) {
      return r;
    }
    String tokenScope = params.getOrDefault("scope", scope);
    String key = uri.getHost() + ":" + uri.getPort() + " " + tokenScope;
    Token token = fetchToken(params.get("realm"), params.get("service"), tokenScope, auth, ref);
    tokens.put(key, token);
    if (!key.equals(tokenKey)) {
      tokens.put(tokenKey, token);
    }
    // One retry only: a second 401 is the answer, not a reason to loop.
    return exchangeFollowing(method, uri, headers, body, maxBody, "Bearer " + token.value(), ref);
  }

  private static Map<String, String> challengeParams(String challenge) {
    Map<String, String> params = new LinkedHashMap<>();
    String[] parts = challenge.strip().split("\\s+", 2);
    if (parts.length < 2) {
      return params;
    }
    Matcher m = AUTH_PARAM.matcher(parts[1]);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return params;
  }

  private Token fetchToken(String realm, @Nullable String service, String scope, @Nullable Auth auth, String ref) {
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, 401, null, "invalid token realm in challenge", e);
    }
    boolean httpsRealm = "https".equals(realmUri.getScheme());
    boolean allowedPlain =
        "http".equals(realmUri.getScheme())
            && settings.plainHttpHosts().contains(realmUri.getHost() + (realmUri.getPort() > 0 ? ":" + realmUri.getPort() : ""));
    if (!httpsRealm && !allowedPlain) {
      throw new RegistryException(
          RegistryException.Reason.PROTOCOL, ref, 401, null, "refusing token realm that is neither https nor an allowed plain-HTTP host: " + realm);
    }
    StringBuilder q = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    if (service != null) {
      q.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8)).append('&');
    }
    q.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    String basic = auth == null ? null : auth.basicHeader();
    Response r = exchangeFollowing("GET", URI.create(q.toString()), Map.of(), null, MAX_TOKEN_RESPONSE, basic, ref);
    if (r.status() != 200) {
      throw new RegistryException(
          r.status() == 401 || r.status() == 403 ? RegistryException.Reason.UNAUTHORIZED : RegistryException.Reason.HTTP_STATUS,
          ref,
          r.status(),
          r.errorBody(),
          "token request failed");
    }
    Map<String, @Nullable Object> json = Json.readObject(r.body(), ref + " (token response)");
    Object value = json.get("token") != null ? json.get("token") : json.get("access_token");
    if (!(value instanceof String s) || s.isEmpty()) {
      throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, 200, null, "token response without token");
    }
    long ttl = json.get("expires_in") instanceof Number n && n.longValue() > 0 ? n.longValue() : 60;
    // Renew ten seconds early so a token does not expire between cache check and use.
    return new Token(s, System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, ttl - 10)));
  }

  private Response exchangeFollowing(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      long maxBody,
      @Nullable String authorization,
      String ref) {
    URI current = uri;
    String currentMethod = method;
    byte[] currentBody = body;
    String currentAuth = authorization;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Response r = exchange(currentMethod, current, headers, currentBody, maxBody, currentAuth, ref);
      int s = r.status();
      if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
        return r;
      }
      String location = r.header("Location");
      if (location == null) {
        throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, s, null, "redirect without Location");
      }
      URI next = current.resolve(location);
      if (!"https".equals(next.getScheme()) && !"http".equals(next.getScheme())) {
        throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, s, null, "redirect to unsupported scheme: " + next.getScheme());
      }
      if ("https".equals(current.getScheme()) && "http".equals(next.getScheme())) {
        throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, s, null, "refusing redirect from https to http");
      }
      if (!sameOrigin(current, next)) {
        // Object-storage redirects must not receive registry credentials.
        currentAuth = null;
      }
      if (s == 303) {
        currentMethod = "GET";
        currentBody = null;
      }
      current = next;
    }
    throw new RegistryException(RegistryException.Reason.PROTOCOL, ref, -1, null, "more than " + MAX_REDIRECTS + " redirects");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI u) {
    return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  private Response exchange(
      String method,
      URI uri,
      Map<String, String> headers,
      byte @Nullable [] body,
      long maxBody,
      @Nullable String authorization,
      String ref) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("User-Agent", "spo-java");
    headers.forEach(rb::header);
    if (authorization != null) {
      rb.header("Authorization", authorization);
    }
    boolean head = method.equals("HEAD");
    HttpResponse.BodyHandler<BoundedBody.Result> handler =
        info -> {
          int status = info.statusCode();
          if (head || (status >= 300 && status < 400)) {
            return new BoundedBody(0, true, false);
          }
          if (status >= 400 || status == 202 || status == 201) {
            return new BoundedBody(MAX_ERROR_BODY, true, false);
          }
          OptionalLong length = info.headers().firstValueAsLong("Content-Length");
          return new BoundedBody(maxBody, false, length.isPresent() && length.getAsLong() > maxBody);
        };
    CompletableFuture<HttpResponse<BoundedBody.Result>> future = client().sendAsync(rb.build(), handler);
    HttpResponse<BoundedBody.Result> response;
    try {
      // The request timeout above only covers the response headers; this deadline covers the
      // body too, so a registry that stalls mid-body cannot hang the caller.
      response = future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timeout(ref, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryException(RegistryException.Reason.IO, ref, -1, null, "interrupted", e);
    } catch (CancellationException e) {
      throw new RegistryException(RegistryException.Reason.IO, ref, -1, null, "request cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timeout(ref, cause);
      }
      String what = cause instanceof IOException ? "I/O error" : "request failed";
      throw new RegistryException(
          RegistryException.Reason.IO, ref, -1, null, what + " talking to " + uri.getHost() + ": " + cause, cause);
    }
    BoundedBody.Result result = response.body();
    if (result.overflow()) {
      throw new RegistryException(
          RegistryException.Reason.TOO_LARGE,
          ref,
          response.statusCode(),
          null,
          "response body exceeds the limit of " + maxBody + " bytes");
    }
    return new Response(response.statusCode(), response.headers(), result.bytes(), uri);
  }

  private RegistryException timeout(String ref, Throwable cause) {
    return new RegistryException(
        RegistryException.Reason.TIMEOUT, ref, -1, null, "no complete response within " + settings.requestTimeout(), cause);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    tokens.clear();
  }
}
