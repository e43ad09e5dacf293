package cn.henan.skills.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the realm is and how the app talks to it (profile {@code keycloak}, {@code application-keycloak.yml}).
 *
 * @param url          Keycloak's base URL, without {@code /realms}
 * @param realm        the realm ({@code skills-henan})
 * @param audience     what a bearer token's {@code aud} must contain to be taken by {@code /engine-rest} and
 *                     {@code /api}
 * @param clockSkew    tolerance on a token's expiry
 * @param webapp       the confidential OIDC client of Tasklist, Cockpit and Admin
 * @param provisioning the service account with which the app creates a new school's groups (and demo users)
 */
@ConfigurationProperties("skills-henan.keycloak")
record KeycloakProperties(String url, String realm, String audience, Duration clockSkew, Client webapp,
    Client provisioning) {

  KeycloakProperties {
    if (clockSkew == null) {
      clockSkew = Duration.ofSeconds(60);
    }
  }

  record Client(String clientId, String clientSecret) {
  }

  String issuer() {
    return url + "/realms/" + realm;
  }

  String adminUrl() {
    return url + "/admin/realms/" + realm;
  }

  String openIdConnect(String endpoint) {
    return issuer() + "/protocol/openid-connect/" + endpoint;
  }
}
