package dev.spo.apparmor;

import dev.spo.core.validate.Violation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppArmorValidatorTest {
  private static List<Violation> validate(String name, AppArmorAbstract a) {
    return AppArmorValidator.validate(AppArmorProfile.of(name, AppArmorSpec.of(a)));
  }

  private static List<Violation> readOnly(String... paths) {
    return validate("p", AppArmorAbstract.EMPTY.withFilesystem(new FilesystemRules(List.of(paths), List.of(), List.of())));
  }

  private static List<Violation> executables(String... paths) {
    return validate("p", AppArmorAbstract.EMPTY.withExecutable(new ExecutableRules(List.of(paths), List.of())));
  }

  @Test
  void names() {
    assertThat(validate("my-app_profile.v1", AppArmorAbstract.EMPTY)).isEmpty();
    assertThat(validate("/path/to/my/profile", AppArmorAbstract.EMPTY)).isEmpty();
    assertThat(validate("my profile", AppArmorAbstract.EMPTY)).hasSize(1);
    assertThat(validate("profile\n  audit network inet,", AppArmorAbstract.EMPTY)).hasSize(1);
    assertThat(validate("", AppArmorAbstract.EMPTY)).hasSize(1);
  }

  @Test
  void goodPaths() {
    assertThat(
            readOnly(
                "/usr/bin/nginx",
                "/proc/@{pid}/cgroup",
                "/@{HOME}/.bashrc",
                "/var/log/**",
                "/etc/nginx/conf.d/*.conf",
                "/lib/tls/i686/cmov/lib*.so?",
                "/opt/my-app/v1.2+3/run_app",
                "/My Documents/test file",
                "/",
                "ptrace (read),",
                "ptrace(readby), # comment"))
        .isEmpty();
  }

  @Test
  void badPaths() {
    assertThat(
            readOnly(
                "usr/bin/nginx",
                "/usr/bin/nginx\" - r,",
                "/usr/bin/$(whoami)",
                "/usr/bin/nginx, /etc/passwd",
                "/usr/bin/nginx ; rm -rf /",
                "/etc/{a,b}",
                "/etc/{a}",
                "",
                "/etc/x\n  capability sys_admin,",
                "ptrace (bogus),"))
        .extracting(Violation::pointer)
        .containsExactly(
            "/spec/abstract/filesystem/readOnlyPaths/0",
            "/spec/abstract/filesystem/readOnlyPaths/1",
            "/spec/abstract/filesystem/readOnlyPaths/2",
            "/spec/abstract/filesystem/readOnlyPaths/3",
            "/spec/abstract/filesystem/readOnlyPaths/4",
            "/spec/abstract/filesystem/readOnlyPaths/5",
            "/spec/abstract/filesystem/readOnlyPaths/6",
            "/spec/abstract/filesystem/readOnlyPaths/7",
            "/spec/abstract/filesystem/readOnlyPaths/8",
            "/spec/abstract/filesystem/readOnlyPaths/9");
  }

  @Test
  void executablesRejectTraversal() {
    assertThat(executables("/usr/bin/nginx", "/lib/x86_64-linux-gnu/**")).isEmpty();
    assertThat(executables("/usr/bin/../etc/shadow", "/..", "usr/bin/app", "/var/log/app.log\n  audit network inet,"))
        .extracting(Violation::message)
        .containsExactly(
            "path cannot contain directory traversal: '/usr/bin/../etc/shadow'",
            "path cannot contain directory traversal: '/..'",
            "path must be absolute and contain only safe characters: 'usr/bin/app'",
            "path must be absolute and contain only safe characters: '/var/log/app.log\n  audit network inet,'");
  }

  @Test
  void capabilities() {
    AppArmorAbstract good = AppArmorAbstract.EMPTY.withCapability(new CapabilityRules(List.of("chown", "DAC_OVERRIDE", " perfmon ", "checkpoint_restore")));
    assertThat(validate("p", good)).isEmpty();
    AppArmorAbstract bad = AppArmorAbstract.EMPTY.withCapability(new CapabilityRules(List.of("CAP_CHOWN", "chown, net_admin", "audit")));
    assertThat(validate("p", bad))
        .extracting(Violation::pointer)
        .containsExactly(
            "/spec/abstract/capability/allowedCapabilities/0",
            "/spec/abstract/capability/allowedCapabilities/1",
            "/spec/abstract/capability/allowedCapabilities/2");
    assertThat(AppArmorValidator.CAPABILITIES).hasSize(41);
  }

  @Test
  void ptrace() {
    assertThat(validate("p", AppArmorAbstract.EMPTY.withPtrace(new PtraceRules(List.of("read", "tracedby"), "@{profile_name}")))).isEmpty();
    assertThat(validate("p", AppArmorAbstract.EMPTY.withPtrace(new PtraceRules(List.of(), "peer"))))
        .containsExactly(Violation.error("/spec/abstract/ptrace/allowedAccess", "ptrace rule without access"));
    assertThat(validate("p", AppArmorAbstract.EMPTY.withPtrace(new PtraceRules(List.of("write it"), "a b"))))
        .extracting(Violation::pointer)
        .containsExactly("/spec/abstract/ptrace/allowedAccess/0", "/spec/abstract/ptrace/peer");
    assertThat(validate("p", AppArmorAbstract.EMPTY.withPtrace(new PtraceRules(List.of(), null)))).isEmpty();
  }
}
