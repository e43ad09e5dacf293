package cn.henan.skills.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Chinese names of the realm's groups for Camunda (profile {@code keycloak}). The identity plugin takes a group's
 * id from its path ({@code u001-filer}, a contract of the models and authorizations) and its name from Keycloak's group
 * name, which is that same id; the Chinese name ({@code 郑州市 填报人}, as the default profile names the group in
 * Camunda's tables) is the group's attribute {@code displayName} — in the realm file and in the groups the app creates
 * for new schools. Installed in the plugin as an HTTP interceptor of its calls to Keycloak's admin API: group reads
 * ask for the attributes ({@code briefRepresentation=false}) and come back with {@code displayName} as the name. A
 * group without the attribute keeps its Keycloak name.
 */
class KeycloakGroupNames implements ClientHttpRequestInterceptor {
  static final String DISPLAY_NAME = "displayName";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String adminPath;

  /** @param adminUrl the realm's admin API ({@code …/admin/realms/skills-henan}) */
  KeycloakGroupNames(String adminUrl) {
    this.adminPath = URI.create(adminUrl).getPath();
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    String path = request.getURI().getPath();
    boolean groupList = path.startsWith(adminPath + "/") && path.endsWith("/groups"); // all, or one user's groups
    boolean groupByPath = path.startsWith(adminPath + "/group-by-path/"); // one group, with its attributes already
    if (request.getMethod() != HttpMethod.GET || !(groupList || groupByPath)) {
      return execution.execute(request, body);
    }
    HttpRequest asked = groupList ? withAttributes(request) : request;
    ClientHttpResponse response = execution.execute(asked, body);
    if (!response.getStatusCode().is2xxSuccessful()) {
      return response;
    }
    JsonNode groups;
    try (InputStream in = response.getBody()) {
      groups = JSON.readTree(in);
    }
    rename(groups);
    return new Renamed(response, JSON.writeValueAsBytes(groups));
  }

  private static HttpRequest withAttributes(HttpRequest request) {
    URI full = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("briefRepresentation", "false")
        .build(true).toUri();
    return new HttpRequestWrapper(request) {
      @Override
      public URI getURI() {
        return full;
      }
    };
  }

  /** A group (or a list of them, with their subgroups): the name from {@code displayName} where it has one. */
  private static void rename(JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(KeycloakGroupNames::rename);
      return;
    }
    if (node instanceof ObjectNode group) {
      JsonNode displayName = group.path("attributes").path(DISPLAY_NAME).path(0);
      if (displayName.isTextual() && !displayName.asText().isBlank()) {
        group.put("name", displayName.asText());
      }
      rename(group.get("subGroups"));
    }
  }

  /** Keycloak's answer with the renamed body. */
  private static final class Renamed implements ClientHttpResponse {
    private final ClientHttpResponse response;
    private final byte[] body;
    private final HttpHeaders headers = new HttpHeaders();

    Renamed(ClientHttpResponse response, byte[] body) {
      this.response = response;
      this.body = body;
      headers.putAll(response.getHeaders());
      // the new body is whole, of a known length
      headers.remove(HttpHeaders.TRANSFER_ENCODING);
      headers.setContentLength(body.length);
    }

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
