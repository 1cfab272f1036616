package dev.spo.apparmor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppArmorParserTest {
  @Test
  void dropsHostNoiseOnly() {
    String stderr =
        "Cache read/write disabled: interface file missing. (Kernel needs AppArmor 2.4 compatibility patch.)\n"
            + "Warning: unable to find a suitable fs in /proc/mounts, is it mounted?\n"
            + "Use --subdomainfs to override.\n"
            + "AppArmor parser error for p in profile p at line 4: Invalid capability x.\n";
    assertThat(AppArmorParser.filterNoise(stderr)).isEqualTo("AppArmor parser error for p in profile p at line 4: Invalid capability x.\n");
    assertThat(AppArmorParser.filterNoise("Cache read/write disabled: interface file missing. (x)\n")).isEmpty();
    assertThat(AppArmorParser.filterNoise("")).isEmpty();
  }

  @Test
  void fileNameMustBePlain() {
    assertThatThrownBy(() -> AppArmorParser.defaults().check("../x", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AppArmorParser.defaults().check("", "")).isInstanceOf(IllegalArgumentException.class);
  }
}
