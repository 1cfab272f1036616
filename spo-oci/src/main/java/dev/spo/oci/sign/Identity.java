package dev.spo.oci.sign;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An accepted keyless signer: the certificate's subject alternative name (email or URI) and the
 * OIDC issuer recorded by Fulcio. Both must match, each exactly or as a regular expression that
 * must match the whole value (like cosign's {@code --certificate-identity-regexp} and SPO's
 * {@code allowedIdentityRegexp} / {@code allowedOidcIssuerRegexp}).
 *
 * @param subject pattern for the SAN
 * @param issuer pattern for the OIDC issuer
 * @param description how the identity was written, for messages
 */
public record Identity(Pattern subject, Pattern issuer, String description) {
  public Identity {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(description, "description");
  }

  /** Exactly this SAN and exactly this issuer. */
  public static Identity exact(String subject, String issuer) {
    return new Identity(
        Pattern.compile(Pattern.quote(subject)), Pattern.compile(Pattern.quote(issuer)), "subject=" + subject + " issuer=" + issuer);
  }

  /** A SAN and an issuer matching these regular expressions (whole-value match). */
  public static Identity regex(String subjectRegex, String issuerRegex) {
    return new Identity(
        Pattern.compile(subjectRegex), Pattern.compile(issuerRegex), "subject~" + subjectRegex + " issuer~" + issuerRegex);
  }

  /** Whether a certificate with this SAN and issuer is accepted. */
  public boolean matches(String san, String oidcIssuer) {
    return subject.matcher(san).matches() && issuer.matcher(oidcIssuer).matches();
  }

  @Override
  public String toString() {
    return description;
  }
}
