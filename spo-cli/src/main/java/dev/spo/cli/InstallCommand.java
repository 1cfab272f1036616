package dev.spo.cli;

import dev.spo.apparmor.AppArmorGenerator;
import dev.spo.apparmor.AppArmorProfile;
import dev.spo.cli.internal.CliException;
import dev.spo.cli.internal.ProfileIo;
import dev.spo.core.Profile;
import dev.spo.core.compose.DirectoryProfileResolver;
import dev.spo.core.node.NodeLayout;
import dev.spo.core.seccomp.SeccompProfile;
import dev.spo.selinux.CilPolicy;
import dev.spo.selinux.CilTranslator;
import dev.spo.selinux.RawSelinuxProfile;
import dev.spo.selinux.SelinuxProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "install", aliases = "i", mixinStandardHelpOptions = true,
    description = {"Write profiles where SPO's daemon puts them on a node, below --root:",
        "seccomp JSON in <kubelet>/seccomp/operator/ (composed first), AppArmor text in /etc/apparmor.d/,",
        "SELinux CIL in /etc/selinux.d/. Files are written atomically, 0644, only when changed.",
        "Nothing is loaded into the kernel."})
final class InstallCommand extends SpocCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Profiles to install.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--root", required = true, paramLabel = "DIR", description = "Root directory of the node file system (/ for this machine).")
  Path root = Path.of("/");

  @Option(names = "--kubelet-dir", paramLabel = "DIR", description = "Kubelet directory on the node (default ${DEFAULT-VALUE}).")
  String kubeletDir = NodeLayout.DEFAULT_KUBELET_DIR;

  @Mixin ComposeOptions compose = new ComposeOptions();
  @Mixin RegistryOptions registry = new RegistryOptions();
  @Mixin VerifyOptions verify = new VerifyOptions();

  @Override
  int run() {
    NodeLayout layout;
    try {
      layout = NodeLayout.under(root).withKubeletDir(kubeletDir);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
    for (Path file : files) {
      Profile p = ProfileIo.read(codec(), file);
      List<NodeLayout.WriteResult> written = new ArrayList<>();
      if (p instanceof SeccompProfile) {
        written.add(layout.writeSeccomp(compose.readComposed(codec(), file, registry, verify)));
      } else if (p instanceof AppArmorProfile a) {
        written.add(layout.writeAppArmor(a.name(), AppArmorGenerator.generate(a)));
      } else if (p instanceof SelinuxProfile || p instanceof RawSelinuxProfile) {
        Path dir = file.toAbsolutePath().getParent();
        CilTranslator t = CilTranslator.builder().resolver(DirectoryProfileResolver.of(dir == null ? Path.of(".") : dir)).build();
        CilPolicy policy = p instanceof SelinuxProfile s ? t.translate(s) : t.translate((RawSelinuxProfile) p);
        for (CilPolicy c : policy.closure()) {
          written.add(layout.writeSelinux(c.name(), c.cil()));
        }
      } else {
        throw CliException.usage(file + ": cannot install a " + p.kind());
      }
      for (NodeLayout.WriteResult w : written) {
        out().println((w.changed() ? "wrote " : "unchanged ") + w.path());
      }
    }
    return 0;
  }
}
