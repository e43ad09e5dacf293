package cn.henan.skills.identity;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Generates {@code keycloak/skills-henan-realm.json}, the realm {@code skills-henan} as code, from what the default
 * profile seeds: the province groups and demo users ({@link ProvinceGroups}), the 171 units of the unit registry
 * (their rows in {@code db/migration/V1__unit_registry.sql}) with a filer and a leader group and user each, the
 * starter's {@code admin}. {@code KeycloakRealmFileTest} checks that the checked-in file is what this makes; after a
 * change run {@code mvn -B -ntp test -Dtest=KeycloakRealmFileTest -Dkeycloak.realm.write=true} and commit the file.
 */
public final class KeycloakRealmFile {
  public static final Path FILE = Path.of("keycloak", "skills-henan-realm.json");
  static final String REALM = "skills-henan";
  static final String APP = "http://localhost:8080";
  static final int TEST_PORT = 18089;
  static final String TEST_APP = "http://localhost:" + TEST_PORT;
  private static final int HASH_ITERATIONS = 27_500;
  private static final Pattern UNIT_ROW =
      Pattern.compile("\\('(u\\d{3})', '([^']+)', '([a-z_]+)', (\\d+)\\)");

  private KeycloakRealmFile() {
  }

  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
    System.out.println("wrote " + FILE.toAbsolutePath());
  }

  /** The 171 units (code, name) as the first migration creates them. */
  static List<String[]> units() throws IOException {
    String sql = Files.readString(Path.of("src/main/resources/db/migration/V1__unit_registry.sql"));
    List<String[]> units = new ArrayList<>();
    Matcher row = UNIT_ROW.matcher(sql);
    while (row.find()) {
      units.add(new String[] {row.group(1), row.group(2)});
    }
    return units;
  }

  static String generate() throws IOException {
    List<String[]> units = units();
    Map<String, Object> realm = new LinkedHashMap<>();
    realm.put("realm", REALM);
    realm.put("displayName", "人人持证、技能河南");
    realm.put("enabled", true);
    realm.put("sslRequired", "external");
    realm.put("registrationAllowed", false);
    realm.put("resetPasswordAllowed", false);
    realm.put("bruteForceProtected", true);
    realm.put("internationalizationEnabled", true);
    realm.put("supportedLocales", List.of("zh-CN", "en"));
    realm.put("defaultLocale", "zh-CN");
    realm.put("accessTokenLifespan", 300);
    realm.put("ssoSessionIdleTimeout", 1800);
    realm.put("ssoSessionMaxLifespan", 36000);

    List<Map<String, Object>> groups = new ArrayList<>();
    // a SYSTEM group, as the starter makes it in the default profile (the plugin reads the type from the attribute)
    groups.add(group(ProvinceGroups.CAMUNDA_ADMIN, "Camunda 系统管理员", Groups.GROUP_TYPE_SYSTEM));
    ProvinceGroups.SEEDED.forEach((id, name) -> groups.add(group(id, name, CamundaDirectory.WORKFLOW_GROUP)));
    for (String[] unit : units) {
      groups.add(group(unit[0] + "-filer", unit[1] + " 填报人", CamundaDirectory.WORKFLOW_GROUP));
      groups.add(group(unit[0] + "-leader", unit[1] + " 领导小组组长", CamundaDirectory.WORKFLOW_GROUP));
    }
    realm.put("groups", groups);

    List<Map<String, Object>> users = new ArrayList<>();
    users.add(user("admin", "系统", "管理员", "admin", ProvinceGroups.CAMUNDA_ADMIN, ProvinceGroups.PROCESS_ADMIN));
    for (List<String> person : ProvinceGroups.DEMO_USERS) {
      users.add(user(person.get(0), person.get(1), person.get(2), "demo", person.get(3)));
    }
    for (String[] unit : units) {
      users.add(user(unit[0] + "-filer", unit[1], "填报人", "demo", unit[0] + "-filer"));
      users.add(user(unit[0] + "-leader", unit[1], "领导小组组长", "demo", unit[0] + "-leader"));
    }
    users.add(serviceAccount("skills-henan-identity", "view-users", "query-groups", "query-users"));
    users.add(serviceAccount("skills-henan-provisioning", "manage-users", "view-users", "query-groups",
        "query-users"));
    realm.put("users", users);

    List<Map<String, Object>> clients = new ArrayList<>();
    Map<String, Object> webapp = client("skills-henan-webapp", "Tasklist、Cockpit、Admin", "webapp-secret-change-me");
    webapp.put("standardFlowEnabled", true);
    // the app, and the port KeycloakWebappSignInTest runs it on
    webapp.put("redirectUris", List.of(APP + "/login/oauth2/code/keycloak", TEST_APP + "/login/oauth2/code/keycloak"));
    webapp.put("webOrigins", List.of(APP));
    // where Keycloak may send the browser after a sign-out at /logout: the app's page that says so (SignedOutPage)
    webapp.put("attributes", Map.of("post.logout.redirect.uris",
        APP + SignedOutPage.PATH + "##" + TEST_APP + SignedOutPage.PATH));
    webapp.put("protocolMappers", tokenMappers());
    clients.add(webapp);

    Map<String, Object> cli = new LinkedHashMap<>();
    cli.put("clientId", "skills-henan-cli");
    cli.put("name", "脚本与测试（用户名和密码换取令牌；生产环境请停用）");
    cli.put("enabled", true);
    cli.put("publicClient", true);
    cli.put("standardFlowEnabled", false);
    cli.put("directAccessGrantsEnabled", true);
    cli.put("protocolMappers", tokenMappers());
    clients.add(cli);

    Map<String, Object> identity = client("skills-henan-identity", "Camunda 身份插件（只读）", "identity-secret-change-me");
    identity.put("serviceAccountsEnabled", true);
    clients.add(identity);
    Map<String, Object> provisioning =
        client("skills-henan-provisioning", "新设学校的用户组和用户", "provisioning-secret-change-me");
    provisioning.put("serviceAccountsEnabled", true);
    clients.add(provisioning);
    realm.put("clients", clients);

    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return new ObjectMapper().writer(printer).writeValueAsString(realm) + "\n";
  }

  private static Map<String, Object> group(String id, String displayName, String type) {
    Map<String, Object> group = new LinkedHashMap<>();
    // the plugin (useGroupPathAsCamundaGroupId) gives Camunda the path without its slash: the id everywhere else;
    // the name Camunda shows is displayName (KeycloakGroupNames)
    group.put("name", id);
    group.put("attributes", new java.util.TreeMap<>(Map.of("type", List.of(type),
        KeycloakGroupNames.DISPLAY_NAME, List.of(displayName))));
    return group;
  }

  private static Map<String, Object> user(String id, String firstName, String lastName, String password,
      String... groups) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", id);
    user.put("enabled", true);
    user.put("firstName", firstName);
    user.put("lastName", lastName);
    user.put("email", id + "@example.org");
    user.put("emailVerified", true);
    user.put("credentials", List.of(hashedPassword(id, password)));
    user.put("groups", List.of(groups).stream().map(g -> "/" + g).toList());
    return user;
  }

  /**
   * The password as Keycloak stores it (PBKDF2-SHA256, a salt derived from the user id so the file is reproducible):
   * Keycloak then imports ~350 users without hashing each password with its default Argon2 (which took 95 s on a
   * busy 2-core machine), and re-hashes a password with the realm's default algorithm at its first sign-in.
   */
  private static Map<String, Object> hashedPassword(String userId, String password) {
    try {
      byte[] salt = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256")
          .digest(("skills-henan/" + userId).getBytes(StandardCharsets.UTF_8)), 16);
      javax.crypto.SecretKeyFactory pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] hash = pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt,
          HASH_ITERATIONS, 256)).getEncoded();
      java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
      Map<String, Object> credential = new LinkedHashMap<>();
      credential.put("type", "password");
      credential.put("secretData", "{\"value\":\"" + base64.encodeToString(hash) + "\",\"salt\":\""
          + base64.encodeToString(salt) + "\",\"additionalParameters\":{}}");
      credential.put("credentialData", "{\"hashIterations\":" + HASH_ITERATIONS
          + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}");
      return credential;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> serviceAccount(String clientId, String... roles) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", "service-account-" + clientId);
    user.put("enabled", true);
    user.put("serviceAccountClientId", clientId);
    user.put("clientRoles", Map.of("realm-management", List.of(roles)));
    return user;
  }

  private static Map<String, Object> client(String clientId, String name, String secret) {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", clientId);
    client.put("name", name);
    client.put("enabled", true);
    client.put("publicClient", false);
    client.put("clientAuthenticatorType", "client-secret");
    client.put("secret", secret);
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", false);
    client.put("serviceAccountsEnabled", false);
    return client;
  }

  /** The groups (plain names) in every token, and the audience the app's APIs require in access tokens. */
  private static List<Map<String, Object>> tokenMappers() {
    Map<String, Object> groups = new LinkedHashMap<>();
    groups.put("name", "groups");
    groups.put("protocol", "openid-connect");
    groups.put("protocolMapper", "oidc-group-membership-mapper");
    groups.put("config", new java.util.TreeMap<>(Map.of("full.path", "false", "claim.name", "groups",
        "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true",
        "introspection.token.claim", "true")));
    Map<String, Object> audience = new LinkedHashMap<>();
    audience.put("name", "audience skills-henan");
    audience.put("protocol", "openid-connect");
    audience.put("protocolMapper", "oidc-audience-mapper");
    audience.put("config", new java.util.TreeMap<>(Map.of("included.custom.audience", "skills-henan",
        "id.token.claim", "false", "access.token.claim", "true", "introspection.token.claim", "true")));
    return List.of(groups, audience);
  }
}
