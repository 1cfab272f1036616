package dev.spo.cli;

import static dev.spo.cli.SpocProcess.REPO;
import static dev.spo.cli.SpocProcess.resource;
import static dev.spo.cli.SpocProcess.spoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spo.cli.SpocProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands that work on local files, run through the real jar. */
class LocalCommandsIT {
  static final Path NGINX = REPO.resolve("examples/profiles/nginx.yaml");
  static final Path WEB_BASE = REPO.resolve("examples/profiles/web-base.yaml");
  static final Path RUNTIME_BASE = REPO.resolve("examples/profiles/runtime-base.yaml");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"version", "validate", "compose", "merge", "diff", "convert", "compile", "emulate", "push", "pull", "sign", "verify", "keygen", "install"})
  void everyCommandHasHelp(String command) {
    Result r = spoc().run(command, "--help");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Usage: spoc " + command);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void version() {
    Result r = spoc().run("version");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("spoc:", "libseccomp: 2.", "java:");
    Result json = spoc().run("version", "--json");
    assertThat(json.exit()).isZero();
    assertThat(json.out().strip()).startsWith("{\"spoc\":\"").contains("\"libseccomp\":\"2.").endsWith("}");
  }

  @Test
  void usageErrorsAreOneLineWithExitTwo() {
    Result r = spoc().run("compile");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("spoc: error: Missing required parameter").endsWith("(see 'spoc compile --help')\n");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(spoc().run("frobnicate").exit()).isEqualTo(2);
    assertThat(spoc().run().err()).isEqualTo("spoc: error: missing command (see 'spoc --help')\n");
    Result missing = spoc().run("validate", "no-such.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("spoc: error: no such file: no-such.yaml\n");
  }

  @Test
  void debugPrintsStackTraces() {
    Result r = spoc().run("compose", "--debug", resource("profiles/cycle/cycle-a.yaml"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("spoc: error: cycle in base profiles: cycle-a → cycle-b → cycle-a\n")
        .contains("CompositionException", "\tat ");
  }

  @Test
  void validateReportsViolationsWithPointers() {
    Result ok = spoc().run("validate", NGINX, WEB_BASE, resource("profiles/seccomp/runtime.json"));
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("nginx.yaml: SeccompProfile nginx: valid", "runtime.json: SeccompProfile runtime: valid");
    Result bad = spoc().run("validate", NGINX, resource("profiles/seccomp/invalid.yaml"));
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("SeccompProfile invalid: invalid", "  error /spec/syscalls/1/names/0: 'read'");
    Result lsm = spoc().run("validate", resource("profiles/lsm/apparmor-web-server.yaml"), resource("profiles/lsm/selinux-web-server.yaml"));
    assertThat(lsm.exit()).as(lsm.toString()).isZero();
    assertThat(lsm.out()).contains("AppArmorProfile web-server: valid", "SelinuxProfile web-server: valid");
  }

  @Test
  void composeLocalChain() throws Exception {
    Result r = spoc().run("compose", NGINX);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("# composed nginx (union, 2 bases)\n#   1 web-base <- web-base from ")
        .contains("#   2 runtime-base <- runtime-base from ", "sha256:", "  annotations:\n    syscalls: \"[{", "name: nginx");
    Path out = tmp.resolve("nginx-composed.yaml");
    Result written = spoc().run("compose", NGINX, "--strategy", "intersect", "-o", out);
    assertThat(written.exit()).as(written.toString()).isZero();
    assertThat(written.out()).startsWith("# composed nginx (intersect, 2 bases)");
    assertThat(Files.readString(out)).startsWith("apiVersion: security-profiles-operator.x-k8s.io/v1\n");
    assertThat(spoc().run("compose", NGINX, "--max-depth", "2").exit()).isEqualTo(1);
    assertThat(spoc().run("compose", NGINX, "--strategy", "bogus").exit()).isEqualTo(2);
  }

  @Test
  void composeWithoutVerificationFlagsRefusesOciBases() {
    Result r = spoc().run("compose", REPO.resolve("examples/spoc/webserver.yaml"), "--store", REPO.resolve("examples/store"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("signature verification").contains("--insecure-skip-verify");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void composeReportsCycles() {
    Result r = spoc().run("compose", resource("profiles/cycle/cycle-a.yaml"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("spoc: error: cycle in base profiles: cycle-a → cycle-b → cycle-a\n");
  }

  @Test
  void mergeAndCheck() throws Exception {
    Path out = tmp.resolve("merged.yaml");
    Result r = spoc().run("merge", RUNTIME_BASE, WEB_BASE, "-o", out);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.readString(out)).contains("name: runtime-base", "- accept4", "- write");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    Result upToDate = spoc().run("merge", "--check", out, WEB_BASE);
    assertThat(upToDate.exit()).as(upToDate.toString()).isZero();
    assertThat(upToDate.out()).isEqualTo("Base profile is up-to-date.\n");
    Result outdated = spoc().run("merge", "--check", RUNTIME_BASE, WEB_BASE);
    assertThat(outdated.exit()).isEqualTo(1);
    assertThat(outdated.err()).contains("is outdated", "- accept4");
    Result kinds = spoc().run("merge", RUNTIME_BASE, resource("profiles/lsm/apparmor-web-server.yaml"));
    assertThat(kinds.exit()).isEqualTo(2);
    assertThat(kinds.err()).startsWith("spoc: error: cannot merge a AppArmorProfile");
    Result apparmor = spoc().run("merge", resource("profiles/lsm/apparmor-web-server.yaml"), resource("profiles/lsm/apparmor-web-server.yaml"));
    assertThat(apparmor.exit()).as(apparmor.toString()).isZero();
    assertThat(apparmor.out()).contains("kind: AppArmorProfile");
  }

  @Test
  void diffExitsOneWhenDifferent() {
    Result same = spoc().run("diff", NGINX, NGINX);
    assertThat(same.exit()).isZero();
    assertThat(same.out()).isEmpty();
    Result d = spoc().run("diff", WEB_BASE, NGINX);
    assertThat(d.exit()).isEqualTo(1);
    assertThat(d.out()).contains("- accept4 SCMP_ACT_ALLOW", "+ io_setup SCMP_ACT_ALLOW", "- ptrace SCMP_ACT_ERRNO(errnoRet=1)");
    // CRD YAML against runtime JSON: formats are detected.
    Result mixed = spoc().run("diff", resource("profiles/seccomp/runtime.json"), RUNTIME_BASE);
    assertThat(mixed.exit()).isEqualTo(1);
    assertThat(mixed.out()).contains("~ defaultAction SCMP_ACT_ERRNO(1) -> SCMP_ACT_ERRNO", "- ptrace SCMP_ACT_ERRNO(errnoRet=38)", "+ brk SCMP_ACT_ALLOW");
  }

  @Test
  void convertFormats() throws Exception {
    Result json = spoc().run("convert", NGINX, "--to", "runtime-json");
    assertThat(json.exit()).as(json.toString()).isZero();
    assertThat(json.out()).startsWith("{\n").contains("\"defaultAction\": \"SCMP_ACT_ERRNO\"").doesNotContain("baseProfileName");
    Path runtime = tmp.resolve("nginx.json");
    Files.writeString(runtime, json.out());
    Result yaml = spoc().run("convert", runtime, "--to", "yaml");
    assertThat(yaml.exit()).as(yaml.toString()).isZero();
    assertThat(yaml.out()).contains("kind: SeccompProfile", "name: nginx");
    Result docker = spoc().run("convert", resource("profiles/docker/moby-default.json"), "--from", "docker",
        "--arch", "aarch64", "--caps", "CAP_SYS_ADMIN", "--kernel", "6.1", "--to", "yaml");
    assertThat(docker.exit()).as(docker.toString()).isZero();
    assertThat(docker.out()).contains("SCMP_ARCH_AARCH64", "- mount", "name: moby-default");
    Result undetected = spoc().run("convert", resource("profiles/docker/moby-default.json"), "--to", "yaml");
    assertThat(undetected.exit()).isEqualTo(1);
    assertThat(undetected.err()).contains("/archMap", "--from docker").hasLineCount(1);
    Result apparmor = spoc().run("convert", resource("profiles/lsm/apparmor-web-server.yaml"), "--to", "apparmor");
    assertThat(apparmor.exit()).as(apparmor.toString()).isZero();
    assertThat(apparmor.out()).contains("profile web-server flags=(enforce");
    Result cil = spoc().run("convert", resource("profiles/lsm/selinux-web-server.yaml"), "--to", "cil", "-o", tmp.resolve("w.cil"));
    assertThat(cil.exit()).as(cil.toString()).isZero();
    assertThat(Files.readString(tmp.resolve("w.cil"))).startsWith("(block web-server");
    assertThat(spoc().run("convert", NGINX, "--to", "cil").exit()).isEqualTo(2);
  }

  @Test
  void compileFormats() throws Exception {
    Result stats = spoc().run("compile", NGINX, "--arch", "x86_64", "--format", "stats");
    assertThat(stats.exit()).as(stats.toString()).isZero();
    assertThat(stats.out()).contains("instructions:", "architectures: x86_64", "ignored:       none",
        "x86_64: ", "instructions min/median/max", "ERRNO(1)", "ALLOW");
    Result b64 = spoc().run("compile", NGINX, "--format", "base64");
    assertThat(b64.exit()).isZero();
    assertThat(b64.out().strip()).matches("[A-Za-z0-9+/=]+");
    Result disasm = spoc().run("compile", NGINX, "--format", "disasm", "--optimize", "linear");
    assertThat(disasm.exit()).isZero();
    assertThat(disasm.out()).contains("ld arch", "ld nr", "ALLOW");
    Result pfc = spoc().run("compile", NGINX, "--format", "pfc", "--crun");
    assertThat(pfc.exit()).as(pfc.toString()).isZero();
    assertThat(pfc.out()).contains("# pseudo filter code start");
    Result stub = spoc().run("compile", NGINX, "--arch", "amd64", "--enosys-stub");
    assertThat(stub.out()).contains("ENOSYS stub");
    Result cross = spoc().run("compile", NGINX, "--arch", "aarch64", "--arch", "arm");
    assertThat(cross.out()).contains("architectures: aarch64, arm");
    Path raw = tmp.resolve("nginx.bpf");
    assertThat(spoc().run("compile", NGINX, "--arch", "x86_64", "--format", "raw", "-o", raw).exit()).isZero();
    assertThat(Files.size(raw) % 8).isZero();
    Result verdict = spoc().run("emulate", "--bpf", raw, "--arch", "x86_64", "--syscall", "ptrace");
    assertThat(verdict.out()).isEqualTo("ERRNO(1)\n");
    assertThat(spoc().run("compile", NGINX, "--format", "bogus").exit()).isEqualTo(2);
    assertThat(spoc().run("compile", resource("profiles/seccomp/invalid.yaml")).exit()).isEqualTo(1);
  }

  @Test
  void emulateVerdicts() {
    assertThat(spoc().run("emulate", NGINX, "--arch", "x86_64", "--syscall", "read").out()).isEqualTo("ALLOW\n");
    assertThat(spoc().run("emulate", NGINX, "--arch", "amd64", "--syscall", "ptrace").out()).isEqualTo("ERRNO(1)\n");
    assertThat(spoc().run("emulate", NGINX, "--arch", "x86_64", "--syscall", "mount").out()).isEqualTo("LOG\n");
    // 169 is reboot on x86_64, not in the profile: the default action.
    Result byNumber = spoc().run("emulate", NGINX, "--arch", "x86_64", "--syscall", "169", "-v");
    assertThat(byNumber.out()).startsWith("ERRNO(1)  (x86_64 reboot = 169, ");
    Result runtime = spoc().run("emulate", resource("profiles/seccomp/runtime.json"), "--arch", "x86_64", "--syscall", "ptrace");
    assertThat(runtime.out()).isEqualTo("ERRNO(38)\n");
    Result foreign = spoc().run("emulate", NGINX, "--arch", "aarch64", "--syscall", "read");
    assertThat(foreign.exit()).isZero();
    assertThat(spoc().run("emulate", NGINX, "--arch", "x86_64", "--syscall", "nosuchcall").exit()).isEqualTo(2);
    assertThat(spoc().run("emulate", NGINX, "--arch", "x86_64", "--syscall", "read", "--arg", "7=1").exit()).isEqualTo(2);
  }

  @Test
  void emulateArguments() {
    Path web = REPO.resolve("examples/spoc/webserver.yaml");
    Path store = REPO.resolve("examples/store");
    Result zero = spoc().run("emulate", web, "--store", store, "--insecure-skip-verify",
        "--arch", "x86_64", "--syscall", "personality", "--arg", "0=0");
    assertThat(zero.out()).as(zero.toString()).isEqualTo("ALLOW\n");
    Result other = spoc().run("emulate", web, "--store", store, "--insecure-skip-verify",
        "--arch", "x86_64", "--syscall", "personality", "--arg", "0=0xffffffff");
    assertThat(other.out()).isEqualTo("ERRNO(1)\n");
  }

  @Test
  void installWritesTheNodeLayout() throws Exception {
    Result r = spoc().run("install", "--root", tmp, NGINX, resource("profiles/lsm/apparmor-web-server.yaml"),
        resource("profiles/lsm/selinux-web-server.yaml"));
    assertThat(r.exit()).as(r.toString()).isZero();
    Path seccomp = tmp.resolve("var/lib/kubelet/seccomp/operator/nginx.json");
    assertThat(r.out()).contains("wrote " + seccomp, "wrote " + tmp.resolve("etc/apparmor.d"), "wrote " + tmp.resolve("etc/apparmor.d/web-server"), "wrote " + tmp.resolve("etc/selinux.d/web-server.cil"));
    // The node file is the composed profile, in SPO's compact JSON.
    assertThat(Files.readString(seccomp)).startsWith("{\"baseProfileName\":\"web-base\",\"defaultAction\":\"SCMP_ACT_ERRNO\"").contains("\"accept4\"", "\"io_setup\"");
    Result again = spoc().run("install", "--root", tmp, NGINX);
    assertThat(again.out()).isEqualTo("unchanged " + seccomp + "\n");
    assertThat(spoc().run("install", NGINX).exit()).isEqualTo(2);
  }
}
