package cn.henan.skills.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens from the local Keycloak of keycloak/start.sh, as a script or test gets them (no mocks). */
final class RealmTokens {
  static final String URL = System.getProperty("keycloak.url", "http://localhost:8180");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealmTokens() {
  }

  /** Whether the realm skills-henan answers. */
  static boolean realmAnswers() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/realms/skills-henan/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An access token of the realm skills-henan for a user (the scripts' client, password grant). */
  static String userToken(String user, String password) {
    return token("skills-henan", Map.of("grant_type", "password", "client_id", "skills-henan-cli", "username", user,
        "password", password));
  }

  /** An access token of another realm (master's administrator, as start.sh creates it). */
  static String masterAdminToken() {
    return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
        "password", "admin"));
  }

  static String token(String realm, Map<String, String> form) {
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(URL + "/realms/" + realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    if (!answer.has("access_token")) {
      throw new IllegalStateException("Keycloak gave no token: " + answer);
    }
    return answer.get("access_token").asText();
  }

  /** A call of the master realm's admin API (JSON body or none); returns the status. */
  static int admin(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "/admin/realms" + path))
        .header("Authorization", "Bearer " + masterAdminToken())
        .header("Content-Type", "application/json");
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET of the master realm's admin API. */
  static JsonNode adminGet(String path) {
    return send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms" + path))
        .header("Authorization", "Bearer " + masterAdminToken()).build());
  }

  private static JsonNode send(HttpRequest request) {
    try {
      return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
