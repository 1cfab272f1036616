package dev.spo.cli;

import dev.spo.seccomp.SeccompCompiler;
import dev.spo.seccomp.NativeLibraryException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

@Command(name = "version", aliases = "v", mixinStandardHelpOptions = true,
    description = "Print the versions of spoc, the libseccomp found, and Java.")
final class VersionCommand extends SpocCommand {
  @Option(names = {"-j", "--json"}, description = "Print JSON.")
  boolean json;

  static String spocVersion() {
    String v = Spoc.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static Map<String, String> info() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spoc", spocVersion());
    String libseccomp;
    try {
      libseccomp = SeccompCompiler.create().libraryVersion().toString();
    } catch (NativeLibraryException e) {
      libseccomp = "not found";
    }
    m.put("libseccomp", libseccomp);
    m.put("java", System.getProperty("java.runtime.version", Runtime.version().toString()));
    m.put("javaVendor", System.getProperty("java.vendor", ""));
    m.put("os", System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", ""));
    return m;
  }

  @Override
  int run() {
    Map<String, String> info = info();
    if (json) {
      StringBuilder sb = new StringBuilder("{");
      info.forEach((k, v) -> {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append('"').append(k).append("\":\"").append(escape(v)).append('"');
      });
      out().println(sb.append('}'));
    } else {
      info.forEach((k, v) -> out().printf("%-11s %s%n", k + ":", v));
    }
    return 0;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code spoc --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"spoc " + spocVersion()};
    }
  }
}
