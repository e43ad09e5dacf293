package cn.henan.skills.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code keycloak}: Camunda reads users and groups from the realm through the community identity plugin
 * (read-only; options under {@code skills-henan.keycloak.plugin}). Authorizations stay in Camunda's database and are
 * seeded exactly as in the default profile; {@code camunda-admin} gets the same grants the starter gives it there.
 * Groups carry their Chinese names ({@link KeycloakGroupNames}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakIdentityConfiguration {

  @Bean
  @ConfigurationProperties("skills-henan.keycloak.plugin")
  KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties keycloak) {
    KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
    plugin.setKeycloakIssuerUrl(keycloak.issuer());
    plugin.setKeycloakAdminUrl(keycloak.adminUrl());
    // Camunda ids as everywhere else in the app: user "u001-filer", group "u001-filer" (not Keycloak's UUIDs)
    plugin.setUseUsernameAsCamundaUserId(true);
    plugin.setUseGroupPathAsCamundaGroupId(true);
    // ... and the Chinese names of the groups, from their attribute displayName
    plugin.setCustomHttpRequestInterceptors(List.of(new KeycloakGroupNames(keycloak.adminUrl())));
    return plugin;
  }

  /**
   * The grants the starter's admin-user creation gives {@code camunda-admin} in the default profile (ALL on every
   * resource). The plugin's own {@code administratorGroupName} would ask Keycloak for the group while the engine is
   * built, and so keep the app from starting while Keycloak is down; this needs only Camunda's database.
   */
  @Bean
  SpringBootProcessEnginePlugin camundaAdminGrants() {
    return new SpringBootProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Resources resource : Resources.values()) {
          if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource)
              .resourceId(Authorization.ANY).count() == 0) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(Groups.CAMUNDA_ADMIN);
            grant.setResource(resource);
            grant.setResourceId(Authorization.ANY);
            grant.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(grant);
          }
        }
      }
    };
  }
}
