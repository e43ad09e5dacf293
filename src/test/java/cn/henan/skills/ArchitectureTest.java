package cn.henan.skills;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other through their public services only, and without cycles. */
class ArchitectureTest {
  @Test
  void featuresRespectEachOthersBoundaries() {
    ApplicationModules.of(SkillsHenanApplication.class).verify();
  }
}
