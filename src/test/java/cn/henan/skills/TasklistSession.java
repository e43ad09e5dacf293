package cn.henan.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A session of the Camunda webapps as a browser holds it after the login form: the session cookie and the XSRF token
 * that Tasklist sends with every change. Calls go to the webapps' own REST ({@code /camunda/api/...}).
 */
public record TasklistSession(TestRestTemplate http, String cookies, String xsrf) {

  /** Signs in as Tasklist's login form does: the XSRF cookie first, the form with its token, then the new token. */
  public static TasklistSession signIn(TestRestTemplate http, String user, String password) {
    Map<String, String> cookies = cookies(http.getForEntity("/camunda/app/tasklist/default/", String.class));
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, header(cookies));
    login.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password, login), String.class);
    assertThat(signedIn.getStatusCode().is2xxSuccessful()).as("login of " + user).isTrue();
    cookies.putAll(cookies(signedIn));
    // the login starts a new session; the webapps hand out its XSRF token on the next page load
    HttpHeaders page = new HttpHeaders();
    page.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookies.get("JSESSIONID"));
    cookies.putAll(cookies(http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(page),
        String.class)));
    return new TasklistSession(http, header(cookies), cookies.get("XSRF-TOKEN"));
  }

  public ResponseEntity<String> get(String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
  }

  public ResponseEntity<String> post(String path, String json) {
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers()), String.class);
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return headers;
  }

  private static Map<String, String> cookies(ResponseEntity<?> response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
      cookies.put(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1));
    }
    return cookies;
  }

  private static String header(Map<String, String> cookies) {
    return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
