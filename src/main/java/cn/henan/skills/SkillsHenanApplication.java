package cn.henan.skills;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Security is on the classpath for the {@code keycloak} profile only: its auto-configuration stays off, so the
 * default profile runs without any Spring Security filter, and {@code identity.KeycloakSecurityConfiguration} builds
 * the OIDC sign-in and the bearer-token check itself under {@code @Profile("keycloak")}.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
public class SkillsHenanApplication {
  public static void main(String[] args) {
    SpringApplication.run(SkillsHenanApplication.class, args);
  }
}
