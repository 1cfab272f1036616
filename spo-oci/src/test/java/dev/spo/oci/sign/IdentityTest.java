package dev.spo.oci.sign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTest {
  @Test
  void exactMatchesLiterally() {
    Identity id = Identity.exact("a.b@example.com", "https://issuer.example");
    assertThat(id.matches("a.b@example.com", "https://issuer.example")).isTrue();
    assertThat(id.matches("axb@example.com", "https://issuer.example")).isFalse();
    assertThat(id.matches("a.b@example.com", "https://issuer.example/")).isFalse();
  }

  @Test
  void regexMustMatchTheWholeValue() {
    Identity id = Identity.regex(".*@example\\.com", "https://issuer\\.example");
    assertThat(id.matches("ci@example.com", "https://issuer.example")).isTrue();
    assertThat(id.matches("ci@example.com.evil", "https://issuer.example")).isFalse();
    assertThat(id.matches("ci@example.com", "https://issuer.example.evil")).isFalse();
  }

  @Test
  void equalWhenWrittenTheSameWay() {
    assertThat(Identity.regex("a", "b")).isEqualTo(Identity.regex("a", "b")).isNotEqualTo(Identity.exact("a", "b"));
    assertThat(Identity.exact("a", "b")).hasToString("subject=a issuer=b");
  }
}
