package dev.spo.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Registry credentials for one registry host: a username and password (HTTP Basic, and for token
 * endpoints), or a static bearer token. {@link #toString()} never reveals the secret.
 */
public final class Credentials {
  private final String username;
  private final String secret;
  private final boolean bearer;

  private Credentials(String username, String secret, boolean bearer) {
    this.username = username;
    this.secret = secret;
    this.bearer = bearer;
  }

  /** Username and password. */
  public static Credentials basic(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty() || username.contains(":")) {
      throw new IllegalArgumentException("username must be non-empty and must not contain ':'");
    }
    return new Credentials(username, password, false);
  }

  /** A static bearer token (the caller renews it). */
  public static Credentials bearerToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("empty token");
    }
    return new Credentials("", token, true);
  }

  /** Whether this is a static bearer token. */
  public boolean isBearerToken() {
    return bearer;
  }

  /** The username; empty for bearer tokens. */
  public String username() {
    return username;
  }

  /** The password or token. */
  String secret() {
    return secret;
  }

  /** The {@code Authorization} header value to send preemptively. */
  String authorization() {
    return bearer
        ? "Bearer " + secret
        : "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return bearer ? "Credentials[bearer token ****]" : "Credentials[" + username + ":****]";
  }
}
