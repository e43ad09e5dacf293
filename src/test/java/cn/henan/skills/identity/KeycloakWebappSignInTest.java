package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The webapps' OIDC sign-in over plain HTTP, step by step as a browser follows it (no JavaScript: the browser suite
 * does Tasklist's pages): Tasklist sends an unknown visitor to Keycloak, the sign-in form there brings them back as a
 * Camunda user with their unit's tasks only, and Tasklist's sign-out ends the Keycloak session too. The app runs on
 * the port the realm's webapp client accepts for tests ({@link KeycloakRealmFile#TEST_PORT}).
 */
@KeycloakWebappTest
class KeycloakWebappSignInTest {
  private static final int YEAR = 2033;
  private static final String APP = KeycloakRealmFile.TEST_APP;
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  @Autowired ProcessEngine engine;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * Keycloak's cookies are {@code Secure}; browsers send them to http://localhost (a secure context), Java's cookie
   * manager only over https — so it is asked as if the link were https.
   */
  private static final class LocalhostIsSecure extends java.net.CookieHandler {
    private final CookieManager cookies;

    LocalhostIsSecure(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
        throws java.io.IOException {
      URI asSecure = "localhost".equals(uri.getHost())
          ? URI.create("https" + uri.toString().substring(uri.getScheme().length())) : uri;
      return cookies.get(asSecure, headers);
    }

    @Override
    public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
      cookies.put(uri, headers);
    }
  }

  @Test
  void tasklistSignsInAtKeycloakShowsTheUnitsTasksAndSignsOutOfBoth() throws Exception {
    Task u001Task = taskOf("u001");
    Task u002Task = taskOf("u002");

    HttpResponse<String> tasklist = get(APP + "/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    HttpResponse<String> authorize = get(location(tasklist));
    assertThat(authorize.statusCode()).isEqualTo(302);
    String keycloakAuthorize = location(authorize);
    assertThat(keycloakAuthorize).startsWith(RealmTokens.URL + "/realms/skills-henan/protocol/openid-connect/auth");

    HttpResponse<String> signInPage = get(keycloakAuthorize);
    assertThat(signInPage.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn = post(formAction(signInPage.body()),
        Map.of("username", "u001-filer", "password", "demo", "credentialId", ""));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(location(signedIn)).startsWith(APP + "/login/oauth2/code/keycloak?");

    HttpResponse<String> back = get(location(signedIn));
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(location(back)).contains("/camunda/app/tasklist/default/");
    assertThat(get(APP + "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

    HttpResponse<String> who = get(APP + "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"u001-filer\"").contains("tasklist");
    HttpResponse<String> tasks = get(APP + "/camunda/api/engine/engine/default/task?maxResults=2000");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).contains(u001Task.getId()).doesNotContain(u002Task.getId());

    // Tasklist's sign-out button (an XHR with Camunda's CSRF token): both sessions end
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> signOut = browser.send(HttpRequest.newBuilder(
            URI.create(APP + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signOut.statusCode()).isEqualTo(204);
    assertThat(get(APP + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    assertThat(get(APP + "/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    // back at Keycloak, the sign-in form again: no Keycloak session is left to sign in silently
    HttpResponse<String> again = get(location(get(location(get(APP + "/camunda/app/tasklist/default/")))));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("kc-form-login");
  }

  private Task taskOf(String unit) {
    PublishedYear.publish(engine, YEAR);
    return PublishedYear.taskOf(engine, YEAR, unit);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return browser.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect from " + response.uri() + ": " + response.statusCode()));
    return location.startsWith("/") ? APP + location : location;
  }

  private static String formAction(String html) {
    Matcher action = FORM_ACTION.matcher(html);
    assertThat(action.find()).as("Keycloak's sign-in form").isTrue();
    return action.group(1).replace("&amp;", "&");
  }
}
