package dev.spo.selinux;

import dev.spo.core.validate.Violation;
import dev.spo.core.validate.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelinuxValidatorTest {
  private static SelinuxProfile profile(SelinuxSpec spec) {
    return SelinuxProfile.of("app", spec);
  }

  @Test
  void validProfilePasses() {
    SelinuxSpec spec =
        SelinuxSpec.builder().allow("var_log_t", "file", "read").allow("@self", "tcp_socket", "listen").build();
    assertThat(SelinuxValidator.defaults().validate(profile(spec))).isEmpty();
  }

  @Test
  void builtinDenyListsWithPointers() {
    SelinuxSpec spec =
        SelinuxSpec.builder()
            .allow("kernel_t", "file", "read")
            .allow("var_t", "capability", "chown")
            .allow("var_t", "file", "read", "relabelto")
            .build();
    assertThat(SelinuxValidator.defaults().validate(profile(spec)))
        .containsExactly(
            Violation.error("/spec/allow/kernel_t", "type 'kernel_t' is not allowed"),
            Violation.error("/spec/allow/var_t/capability", "object class 'capability' is not allowed"),
            Violation.error("/spec/allow/var_t/file/1", "permission 'relabelto' is not allowed"));
  }

  @Test
  void allowedOverridesThenDeniedWins() {
    SelinuxPolicyOptions options =
        SelinuxPolicyOptions.builder()
            .allowedTypes(Set.of("kernel_t", "shadow_t"))
            .allowedPermissions(Set.of("relabelto"))
            .deniedTypes(Set.of("shadow_t", "etc_t"))
            .deniedClasses(Set.of("key"))
            .build();
    assertThat(options.deniedTypes()).containsExactly("etc_t", "kmem_t", "security_t", "shadow_t");
    SelinuxSpec spec =
        SelinuxSpec.builder()
            .allow("kernel_t", "file", "relabelto")
            .allow("shadow_t", "file", "read")
            .allow("etc_t", "key", "read")
            .build();
    assertThat(SelinuxValidator.of(options).validate(profile(spec)))
        .extracting(Violation::pointer)
        .containsExactly("/spec/allow/shadow_t", "/spec/allow/etc_t", "/spec/allow/etc_t/key");
  }

  @Test
  void patternsAndEmptyPermissions() {
    SelinuxSpec spec =
        SelinuxSpec.builder()
            .allow("bad label", "file", "read")
            .allow("var_t", "fi/le", "READ ME")
            .allow("var_t", "dir", List.of())
            .build();
    assertThat(SelinuxValidator.defaults().validate(profile(spec)))
        .extracting(Violation::pointer)
        .containsExactly("/spec/allow/bad label", "/spec/allow/var_t/fi~1le", "/spec/allow/var_t/fi~1le/0", "/spec/allow/var_t/dir");
  }

  @Test
  void systemTemplatesMustBeAllowed() {
    SelinuxSpec spec =
        SelinuxSpec.builder()
            .addInherit(PolicyRef.system("container"))
            .addInherit(PolicyRef.system("net_container"))
            .addInherit(PolicyRef.profile(""))
            .build();
    assertThat(SelinuxValidator.defaults().validate(profile(spec)))
        .containsExactly(
            Violation.error("/spec/inherit/1/name", "system profile 'net_container' is not allowed (allowed: container)"),
            Violation.error("/spec/inherit/2/name", "must not be empty"));
    SelinuxPolicyOptions net = SelinuxPolicyOptions.builder().allowedSystemProfiles(Set.of("container", "net_container")).build();
    assertThat(SelinuxValidator.of(net).validate(profile(spec))).hasSize(1);
  }

  @Test
  void namesMustBeCilIdentifiers() {
    for (String name : List.of("my.app", "1app", "")) {
      assertThat(SelinuxValidator.defaults().validate(SelinuxProfile.of(name, SelinuxSpec.builder().build())))
          .extracting(Violation::pointer)
          .containsExactly("/metadata/name");
    }
    assertThat(SelinuxValidator.defaults().validate(SelinuxProfile.of("my-app_2", SelinuxSpec.builder().build()))).isEmpty();
  }

  @Test
  void checkThrowsWithAllViolations() {
    SelinuxSpec spec = SelinuxSpec.builder().allow("kmem_t", "system", "setenforce").build();
    assertThatThrownBy(() -> SelinuxValidator.defaults().check(profile(spec)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.violations()).hasSize(3);
              assertThat(e.getMessage()).startsWith("profile 'app' is invalid:\n  error /spec/allow/kmem_t:");
            });
  }

  @Test
  void rawPolicyRules() {
    assertThat(SelinuxValidator.validateRawPolicy("(allow process var_t ( file ( read )))\n")).isEmpty();
    assertThat(SelinuxValidator.validateRawPolicy("  \n")).extracting(Violation::message).containsExactly("must not be empty");
    assertThat(SelinuxValidator.validateRawPolicy("(type a)\n)\n(block x)"))
        .extracting(Violation::message)
        .containsExactly("unmatched ')' at line 2 would escape the profile's block");
    assertThat(SelinuxValidator.validateRawPolicy("(type a\n")).extracting(Violation::message).containsExactly("1 unclosed '(' at end of policy");
    assertThat(SelinuxValidator.validateRawPolicy("(type a)\0"))
        .extracting(Violation::message)
        .containsExactly("must not contain a NUL character (line 1)");
    assertThat(SelinuxValidator.validateRawPolicy("(type a) \ud800"))
        .extracting(Violation::message)
        .containsExactly("is not valid UTF-8 (unpaired surrogate at line 1)");
    assertThat(SelinuxValidator.validateRawPolicy("(type process)\n(  BlockInherit container)\n( typepermissive process)\n(optional o (allow a b (c (d))))"))
        .extracting(Violation::message)
        .containsExactly(
            "directive 'typepermissive' is not allowed (line 3)",
            "directive 'optional' is not allowed (line 4)");
    assertThat(SelinuxValidator.validateRawPolicy("(\"roletype\" system_r process)\n(block b)"))
        .extracting(Violation::message)
        .containsExactly("directive 'roletype' is not allowed (line 1)", "directive 'block' is not allowed (line 2)");
    assertThat(SelinuxValidator.validateRawPolicy("(blockinherit container)\n(blockinherit net_container)\n")).isEmpty();
    assertThat(
            SelinuxValidator.validateRawPolicy(
                "(blockinherit other)\n(blockinherit container net_container)\n(blockinherit \"container\")\n(blockinherit container.process)\n(blockinherit (container))"))
        .extracting(Violation::message)
        .containsExactly(
            "blockinherit of 'other' is not allowed, only of the container templates (line 1)",
            "blockinherit must name a single template, like (blockinherit container) (line 2)",
            "blockinherit must name a single template, like (blockinherit container) (line 3)",
            "blockinherit must name a single template, like (blockinherit container) (line 4)",
            "blockinherit must name a single template, like (blockinherit container) (line 5)");
    assertThat(SelinuxValidator.validateRawPolicy("(type a)\n(allow a b \"unterminated)\n"))
        .extracting(Violation::message)
        .containsExactly("unterminated string at line 2", "1 unclosed '(' at end of policy");
    // Parentheses and directives in comments and strings do not count.
    assertThat(SelinuxValidator.validateRawPolicy("; (block x) )\n(type a) ; )\n(typetransition a b c \"na)me\" d)")).isEmpty();
    assertThat(SelinuxValidator.validateRawPolicy("(" + "a".repeat(RawSelinuxProfile.MAX_POLICY_LENGTH) + ")"))
        .extracting(Violation::message)
        .containsExactly("is 500002 characters long, more than 500000");
    RawSelinuxProfile raw = RawSelinuxProfile.of("1raw", "(block b)");
    assertThat(SelinuxValidator.defaults().validate(raw)).extracting(Violation::pointer).containsExactly("/metadata/name", "/spec/policy");
  }

  @Test
  void coreProfileValidatorUsesTheSelinuxRules() {
    SelinuxSpec spec = SelinuxSpec.builder().allow("kmem_t", "system", "setenforce").build();
    dev.spo.core.validate.ValidationResult result = dev.spo.core.validate.ProfileValidator.defaults().validate(profile(spec));
    assertThat(result.valid()).isFalse();
    assertThat(result.errors()).hasSize(3).allSatisfy(v -> assertThat(v.pointer()).startsWith("/spec/allow/kmem_t"));
  }
}
