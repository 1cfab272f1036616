package dev.spo.oci.sign;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An accepted keyless signer: the certificate's subject alternative name (email or URI) and the
 * OIDC issuer recorded by Fulcio. Both must match, each exactly or as a regular expression that
 * must match the whole value (like cosign's {@code --certificate-identity-regexp} and SPO's
 * {@code allowedIdentityRegexp} / {@code allowedOidcIssuerRegexp}). Immutable; equal when written
 * the same way.
 */
public final class Identity {
  private final String subject;
  private final String issuer;
  private final boolean regex;
  private final Pattern subjectPattern;
  private final Pattern issuerPattern;

  private Identity(String subject, String issuer, boolean regex) {
    this.subject = Objects.requireNonNull(subject, "subject");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.regex = regex;
    this.subjectPattern = Pattern.compile(regex ? subject : Pattern.quote(subject));
    this.issuerPattern = Pattern.compile(regex ? issuer : Pattern.quote(issuer));
  }

  /** Exactly this SAN and exactly this issuer. */
  public static Identity exact(String subject, String issuer) {
    return new Identity(subject, issuer, false);
  }

  /**
   * A SAN and an issuer matching these regular expressions (whole-value match).
   *
   * @throws java.util.regex.PatternSyntaxException when an expression is invalid
   */
  public static Identity regex(String subjectRegex, String issuerRegex) {
    return new Identity(subjectRegex, issuerRegex, true);
  }

  /** The SAN, or its regular expression. */
  public String subject() {
    return subject;
  }

  /** The issuer, or its regular expression. */
  public String issuer() {
    return issuer;
  }

  /** Whether {@link #subject()} and {@link #issuer()} are regular expressions. */
  public boolean isRegex() {
    return regex;
  }

  /** Whether a certificate with this SAN and issuer is accepted. */
  public boolean matches(String san, String oidcIssuer) {
    return subjectPattern.matcher(san).matches() && issuerPattern.matcher(oidcIssuer).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Identity i && regex == i.regex && subject.equals(i.subject) && issuer.equals(i.issuer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, issuer, regex);
  }

  @Override
  public String toString() {
    return regex ? "subject~" + subject + " issuer~" + issuer : "subject=" + subject + " issuer=" + issuer;
  }
}
