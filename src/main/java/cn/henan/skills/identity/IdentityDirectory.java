package cn.henan.skills.identity;

/**
 * Where the people and groups live: Camunda's own identity tables (default profile, {@link CamundaDirectory}) or
 * Keycloak (profile {@code keycloak}, {@link KeycloakDirectory}). The seeder and a city's subdivision create a unit's
 * groups (and demo users) through here; authorizations stay in Camunda's database either way.
 */
interface IdentityDirectory {

  /** Creates the group if missing; true when it did. */
  boolean ensureGroup(String id, String name);

  /**
   * Creates the user if missing (a demo user's e-mail is {@code <id>@example.org}) and adds it to the groups it
   * lacks.
   */
  void ensureUser(String id, String firstName, String lastName, String password, String... groups);

  void addToGroupIfUserExists(String userId, String group);

  /** A renamed unit's group keeps its id (the models' and authorizations' contract); its shown name changes. */
  void renameGroup(String id, String name);

  /** A demo user, named after its unit, follows the unit's rename; a missing user is left alone. */
  void renameDemoUser(String id, String firstName);
}
