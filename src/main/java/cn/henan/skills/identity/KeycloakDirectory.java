package cn.henan.skills.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * People and groups in the Keycloak realm (profile {@code keycloak}). The realm file ({@code keycloak/}) holds the
 * province groups, the 171 units' groups and the demo users; what the app adds at run time — the groups (and with
 * demo users on, the users) of the schools a city registers when it subdivides its quota — is created here through
 * Keycloak's admin API. What exists is read once (one call for groups, one for users) and remembered, so the
 * start-up pass over every unit costs two calls.
 */
@Component
@Profile("keycloak")
class KeycloakDirectory implements IdentityDirectory {
  private static final Logger log = LoggerFactory.getLogger(KeycloakDirectory.class);

  private final KeycloakAdmin admin;
  private volatile Map<String, String> groups;
  private volatile Map<String, String> users;

  KeycloakDirectory(KeycloakProperties keycloak) {
    this.admin = new KeycloakAdmin(keycloak);
  }

  @Override
  public boolean ensureGroup(String id, String name) {
    if (knownGroups().containsKey(id)) {
      return false;
    }
    boolean created = admin.createGroup(id, name);
    // a group made by someone else meanwhile: read the ids again
    groups = null;
    if (created) {
      log.info("Keycloak: group {} ({}) created", id, name);
    }
    return created;
  }

  @Override
  public void ensureUser(String id, String firstName, String lastName, String password, String... groupIds) {
    if (knownUsers().containsKey(id)) {
      // the realm file or an administrator made this user; memberships are theirs to keep
      return;
    }
    if (admin.createUser(id, firstName, lastName, password, List.of(groupIds))) {
      log.info("Keycloak: user {} created in {}", id, List.of(groupIds));
    }
    users = null;
  }

  @Override
  public void renameGroup(String id, String name) {
    String keycloakId = knownGroups().get(id);
    if (keycloakId != null) {
      admin.renameGroup(keycloakId, id, name);
      log.info("Keycloak: group {} renamed {}", id, name);
    }
  }

  @Override
  public void renameDemoUser(String id, String firstName) {
    String keycloakId = knownUsers().get(id);
    if (keycloakId != null) {
      admin.renameUser(keycloakId, firstName);
    }
  }

  @Override
  public void addToGroupIfUserExists(String userId, String group) {
    String user = knownUsers().get(userId);
    String groupId = knownGroups().get(group);
    if (user != null && groupId != null) {
      admin.addMembership(user, groupId);
    }
  }

  private Map<String, String> knownGroups() {
    Map<String, String> known = groups;
    if (known == null) {
      known = new ConcurrentHashMap<>(admin.groups());
      groups = known;
    }
    return known;
  }

  private Map<String, String> knownUsers() {
    Map<String, String> known = users;
    if (known == null) {
      known = new ConcurrentHashMap<>(admin.users());
      users = known;
    }
    return known;
  }
}
