package dev.spo.core.node;

import dev.spo.core.codec.ProfileCodec;
import dev.spo.core.codec.ProfileFiles;
import dev.spo.core.seccomp.SeccompProfile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where SPO's daemon puts profiles on a node, below a root directory the caller chooses (use
 * {@code /} for the real node): seccomp JSON under {@code <kubelet>/seccomp/operator/},
 * AppArmor text under {@code /etc/apparmor.d/}, SELinux CIL under {@code /etc/selinux.d/}. Files
 * are written atomically with mode 0644, and only when their content changes.
 */
public final class NodeLayout {
  /** The kubelet directory SPO uses when nothing else is configured. */
  public static final String DEFAULT_KUBELET_DIR = "/var/lib/kubelet";

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
  private static final String FILE_MODE = "rw-r--r--";

  private final Path root;
  private final String kubeletDir;

  private NodeLayout(Path root, String kubeletDir) {
    this.root = root;
    this.kubeletDir = kubeletDir;
  }

  /** The layout below {@code root} with the default kubelet directory. */
  public static NodeLayout under(Path root) {
    return new NodeLayout(Objects.requireNonNull(root, "root"), DEFAULT_KUBELET_DIR);
  }

  /** A copy with another kubelet directory (absolute, as on the node). */
  public NodeLayout withKubeletDir(String dir) {
    if (!dir.startsWith("/") || dir.contains("..")) {
      throw new IllegalArgumentException("kubelet directory must be absolute and free of '..': " + dir);
    }
    return new NodeLayout(root, dir);
  }

  /** The root directory everything is written below. */
  public Path root() {
    return root;
  }

  /**
   * {@code <kubelet>/seccomp/operator/<name>.json}; {@code .json} is not appended twice, as in SPO
   * (so {@code foo} and {@code foo.json} share a file).
   */
  public Path seccompFile(String profileName) {
    String file = checked(profileName, "seccomp");
    return resolve(kubeletDir + "/seccomp/operator/" + (file.endsWith(".json") ? file : file + ".json"));
  }

  /** The value for {@code securityContext.seccompProfile.localhostProfile}: {@code operator/<name>.json}. */
  public String seccompLocalhostProfile(String profileName) {
    Path file = seccompFile(profileName);
    return "operator/" + file.getFileName();
  }

  /** {@code /etc/apparmor.d/<name>} with SPO's mangling: {@code /} becomes {@code .}, outer dots trimmed. */
  public Path appArmorFile(String profileName) {
    return resolve("/etc/apparmor.d/" + checked(appArmorFileName(profileName), "AppArmor"));
  }

  /** SPO's file name for an AppArmor profile: {@code /} becomes {@code .}, outer dots trimmed. */
  public static String appArmorFileName(String profileName) {
    return profileName.replace('/', '.').replaceAll("^\\.+|\\.+$", "");
  }

  /** {@code /etc/selinux.d/<policyName>.cil}. */
  public Path selinuxFile(String policyName) {
    return resolve("/etc/selinux.d/" + checked(policyName, "SELinux") + ".cil");
  }

  /** Writes SPO's compact JSON of the profile's spec. */
  public WriteResult writeSeccomp(SeccompProfile profile) {
    Path file = seccompFile(profile.name());
    String json = ProfileCodec.defaults().toNodeFileJson(profile.spec());
    return new WriteResult(file, ProfileFiles.writeAtomically(file, json, FILE_MODE));
  }

  /** Writes AppArmor profile text generated elsewhere (spo-apparmor). */
  public WriteResult writeAppArmor(String profileName, String text) {
    Path file = appArmorFile(profileName);
    return new WriteResult(file, ProfileFiles.writeAtomically(file, text, FILE_MODE));
  }

  /** Writes a CIL policy generated elsewhere (spo-selinux). */
  public WriteResult writeSelinux(String policyName, String cil) {
    Path file = selinuxFile(policyName);
    return new WriteResult(file, ProfileFiles.writeAtomically(file, cil, FILE_MODE));
  }

  private Path resolve(String absolute) {
    return root.resolve(absolute.substring(1));
  }

  private static String checked(String name, String what) {
    if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException(
          "'" + name + "' cannot name a " + what + " file: use letters, digits, '_', '.', '-', starting with a letter or digit");
    }
    return name;
  }

  /**
   * The outcome of one write.
   *
   * @param path the file
   * @param changed false when the file already had this content
   */
  public record WriteResult(Path path, boolean changed) {}
}
