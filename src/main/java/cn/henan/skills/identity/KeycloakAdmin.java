package cn.henan.skills.identity;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The few calls of Keycloak's admin REST API the app makes, as the provisioning service account (realm-management
 * roles query-groups, query-users, view-users, manage-users): list and create top-level groups and users. Every
 * failure to reach Keycloak becomes an {@link IdentityUnavailableException} with a Chinese sentence.
 */
class KeycloakAdmin {
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  private final KeycloakProperties keycloak;
  private final RestClient http;
  private volatile String token;
  private volatile Instant tokenExpires = Instant.EPOCH;

  KeycloakAdmin(KeycloakProperties keycloak) {
    this.keycloak = keycloak;
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    factory.setReadTimeout(Duration.ofSeconds(20));
    this.http = RestClient.builder().requestFactory(factory).build();
  }

  /** Top-level groups by name, with their Keycloak ids. */
  Map<String, String> groups() {
    return call("列出用户组", () -> http.get().uri(keycloak.adminUrl() + "/groups?briefRepresentation=true&max=100000")
        .headers(h -> h.setBearerAuth(token())).retrieve().body(LIST))
        .stream().collect(java.util.stream.Collectors.toMap(g -> (String) g.get("name"), g -> (String) g.get("id"),
            (a, b) -> a));
  }

  /** Usernames to Keycloak ids (service accounts are not listed by Keycloak). */
  Map<String, String> users() {
    return call("列出用户", () -> http.get().uri(keycloak.adminUrl() + "/users?briefRepresentation=true&max=100000")
        .headers(h -> h.setBearerAuth(token())).retrieve().body(LIST))
        .stream().collect(java.util.stream.Collectors.toMap(u -> (String) u.get("username"), u -> (String) u.get("id"),
            (a, b) -> a));
  }

  /** Creates a top-level group; false when one of that name exists already. */
  boolean createGroup(String name, String displayName) {
    return call("创建用户组 " + name, () -> {
      try {
        http.post().uri(keycloak.adminUrl() + "/groups").headers(h -> h.setBearerAuth(token()))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", name, "attributes",
                Map.of("type", List.of(CamundaDirectory.WORKFLOW_GROUP), "displayName", List.of(displayName))))
            .retrieve().toBodilessEntity();
        return true;
      } catch (HttpClientErrorException.Conflict exists) {
        return false;
      }
    });
  }

  /** Creates a user with a password and the given (top-level) groups; false when the username is taken. */
  boolean createUser(String username, String firstName, String lastName, String password, List<String> groups) {
    return call("创建用户 " + username, () -> {
      try {
        http.post().uri(keycloak.adminUrl() + "/users").headers(h -> h.setBearerAuth(token()))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("username", username, "enabled", true, "firstName", firstName, "lastName", lastName,
                "email", username + "@example.org", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)),
                "groups", groups.stream().map(g -> "/" + g).toList()))
            .retrieve().toBodilessEntity();
        return true;
      } catch (HttpClientErrorException.Conflict exists) {
        return false;
      }
    });
  }

  /** Sets a group's Chinese name (attribute displayName); its name, the id the models use, stays. */
  void renameGroup(String keycloakId, String name, String displayName) {
    call("修改用户组名称 " + name, () -> http.put().uri(keycloak.adminUrl() + "/groups/" + keycloakId)
        .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name, "attributes",
            Map.of("type", List.of(CamundaDirectory.WORKFLOW_GROUP), "displayName", List.of(displayName))))
        .retrieve().toBodilessEntity());
  }

  /** Sets a user's first name (a demo user's is its unit's name). */
  void renameUser(String keycloakId, String firstName) {
    call("修改用户姓名", () -> http.put().uri(keycloak.adminUrl() + "/users/" + keycloakId)
        .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("firstName", firstName)).retrieve().toBodilessEntity());
  }

  void addMembership(String userId, String groupId) {
    call("加入用户组", () -> http.put().uri(keycloak.adminUrl() + "/users/" + userId + "/groups/" + groupId)
        .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
  }

  private String token() {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", keycloak.provisioning().clientId());
    form.add("client_secret", keycloak.provisioning().clientSecret());
    Map<String, Object> answer = http.post().uri(keycloak.openIdConnect("token"))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {
        });
    token = (String) answer.get("access_token");
    long seconds = ((Number) answer.getOrDefault("expires_in", 60)).longValue();
    tokenExpires = Instant.now().plusSeconds(Math.max(5, seconds - 10));
    return token;
  }

  private <T> T call(String what, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (RestClientException e) {
      throw new IdentityUnavailableException("身份服务（Keycloak，" + keycloak.issuer() + "）无法完成“" + what
          + "”：" + e.getMessage() + "。在它恢复之前，任何人都无法登录；缺少的用户组会在下次启动或下次设立学校时补建。", e);
    }
  }
}
