package dev.spo.cli;

import dev.spo.cli.internal.CliException;
import dev.spo.oci.Credentials;
import dev.spo.oci.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Registry access flags shared by every command that talks to a registry. */
final class RegistryOptions {
  @Option(
      names = {"-u", "--username"},
      paramLabel = "USER",
      description = "Registry user name (default: $SPOC_USERNAME, then $USERNAME as SPO reads it).")
  @Nullable String username;

  @Option(
      names = "--password-stdin",
      description = "Read the registry password from standard input (default: $SPOC_PASSWORD, then $PASSWORD).")
  boolean passwordStdin;

  @Option(names = "--plain-http", description = "Talk plain HTTP to the registry (e.g. a loopback test registry).")
  boolean plainHttp;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "Extra CA certificates (PEM) to trust for the registry.")
  @Nullable Path caFile;

  private @Nullable Credentials credentials;
  private boolean credentialsRead;

  /** A client for {@code host} (registry host[:port]) configured from the flags. */
  RegistryClient client(String host) {
    RegistryClient.Builder b = RegistryClient.builder().requestTimeout(Duration.ofSeconds(60));
    Credentials c = credentials();
    if (c != null) {
      b.credentials(host, c);
    }
    if (plainHttp) {
      b.plainHttp(host);
    }
    if (caFile != null) {
      b.caCertificates(caFile);
    }
    return b.build();
  }

  private @Nullable Credentials credentials() {
    if (credentialsRead) {
      return credentials;
    }
    credentialsRead = true;
    String user = username != null ? username : env("SPOC_USERNAME", "USERNAME");
    if (user == null || user.isEmpty()) {
      if (passwordStdin) {
        throw CliException.usage("--password-stdin needs a user name (-u/--username or $SPOC_USERNAME)");
      }
      return null;
    }
    String password = passwordStdin ? readStdin() : env("SPOC_PASSWORD", "PASSWORD");
    if (password == null) {
      if (username != null) {
        throw CliException.usage("a password is needed for user " + username + ": --password-stdin or $SPOC_PASSWORD");
      }
      // A user name from the environment alone ($USERNAME is common in shells) means anonymous.
      return null;
    }
    credentials = Credentials.basic(user, password);
    return credentials;
  }

  private static @Nullable String env(String primary, String fallback) {
    String v = System.getenv(primary);
    if (v == null || v.isEmpty()) {
      v = System.getenv(fallback);
    }
    return v == null || v.isEmpty() ? null : v;
  }

  private static String readStdin() {
    try {
      InputStream in = System.in;
      String s = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      // Like docker login: a trailing newline from echo/here-strings is not part of the password.
      return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (IOException e) {
      throw CliException.usage("cannot read the password from standard input: " + e.getMessage());
    }
  }
}
