package cn.henan.skills.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers    create the demo users of README.md (default profile and tests; off in production)
 * @param demoPassword their password
 */
@ConfigurationProperties("skills-henan.identity")
record IdentityProperties(boolean demoUsers, String demoPassword) {
  IdentityProperties {
    if (demoPassword == null || demoPassword.isBlank()) {
      demoPassword = "demo";
    }
  }
}
