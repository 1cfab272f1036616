/*
 * Baseline for SeccompCompileBenchmark: the same libseccomp calls SeccompCompiler makes through
 * JNA, made from C. The rule list is parsed once (spo_prepare); spo_compile then does what one
 * Java compilation does: init, attributes, arches, name resolution, rule adds, export to a memfd
 * and read back, release.
 *
 * Description format, one item per line:
 *   D <default action, hex>
 *   O <optimize level>
 *   A <libseccomp arch name>
 *   R <action, hex> <syscall name> <argc> [<index> <op> <datum_a hex> <datum_b hex>]...
 */
#define _GNU_SOURCE
#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct rule {
  uint32_t action;
  char name[64];
  unsigned int argc;
  struct scmp_arg_cmp args[6];
};

struct prepared {
  uint32_t def_action;
  uint32_t optimize;
  int n_arches;
  char arches[20][32];
  int n_rules;
  struct rule *rules;
};

void *spo_prepare(const char *desc) {
  struct prepared *p = calloc(1, sizeof(*p));
  int cap = 64;
  p->rules = calloc(cap, sizeof(struct rule));
  p->optimize = 1;
  const char *line = desc;
  while (line && *line) {
    const char *end = strchr(line, '\n');
    char buf[512];
    size_t len = end ? (size_t)(end - line) : strlen(line);
    if (len >= sizeof(buf)) len = sizeof(buf) - 1;
    memcpy(buf, line, len);
    buf[len] = 0;
    if (buf[0] == 'D') {
      p->def_action = (uint32_t)strtoul(buf + 2, NULL, 16);
    } else if (buf[0] == 'O') {
      p->optimize = (uint32_t)strtoul(buf + 2, NULL, 10);
    } else if (buf[0] == 'A' && p->n_arches < 20) {
      snprintf(p->arches[p->n_arches++], 32, "%s", buf + 2);
    } else if (buf[0] == 'R') {
      if (p->n_rules == cap) {
        cap *= 2;
        p->rules = realloc(p->rules, cap * sizeof(struct rule));
      }
      struct rule *r = &p->rules[p->n_rules++];
      memset(r, 0, sizeof(*r));
      char *s = buf + 2;
      r->action = (uint32_t)strtoul(s, &s, 16);
      int n = 0;
      sscanf(s, " %63s%n", r->name, &n);
      s += n;
      r->argc = (unsigned int)strtoul(s, &s, 10);
      for (unsigned int i = 0; i < r->argc && i < 6; i++) {
        r->args[i].arg = (unsigned int)strtoul(s, &s, 10);
        r->args[i].op = (enum scmp_compare)strtoul(s, &s, 10);
        r->args[i].datum_a = strtoull(s, &s, 16);
        r->args[i].datum_b = strtoull(s, &s, 16);
      }
    }
    line = end ? end + 1 : NULL;
  }
  return p;
}

/* Returns the program length in instructions, or a negative errno. */
int spo_compile(void *handle) {
  struct prepared *p = handle;
  scmp_filter_ctx ctx = seccomp_init(p->def_action);
  if (!ctx) return -22;
  int rc = seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
  if (rc == 0) rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
  if (rc == 0) rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, p->optimize);
  for (int i = 0; rc == 0 && i < p->n_arches; i++) {
    uint32_t token = seccomp_arch_resolve_name(p->arches[i]);
    rc = seccomp_arch_add(ctx, token);
    if (rc == -17) rc = 0;
  }
  for (int i = 0; rc == 0 && i < p->n_rules; i++) {
    struct rule *r = &p->rules[i];
    int nr = seccomp_syscall_resolve_name(r->name);
    if (nr == __NR_SCMP_ERROR) continue;
    rc = seccomp_rule_add_array(ctx, r->action, nr, r->argc, r->argc ? r->args : NULL);
  }
  int result = rc;
  if (rc == 0) {
    int fd = memfd_create("spo-bench", MFD_CLOEXEC);
    rc = seccomp_export_bpf(ctx, fd);
    if (rc == 0) {
      char buf[8192];
      ssize_t n, total = 0;
      lseek(fd, 0, SEEK_SET);
      while ((n = read(fd, buf, sizeof(buf))) > 0) total += n;
      result = (int)(total / 8);
    } else {
      result = rc;
    }
    close(fd);
  }
  seccomp_release(ctx);
  return result;
}
