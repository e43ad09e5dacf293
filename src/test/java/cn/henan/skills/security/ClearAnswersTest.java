package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10's clear answers: security headers on every kind of response, {@code /api} refusals 4xx with one Chinese
 * sentence and no class names, a body over the limit 413 with the limit in the sentence.
 */
@SkillsHenanTest
class ClearAnswersTest {
  @Autowired TestRestTemplate http;

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/dashboard.html", "/demo-clock.html", "/dashboard.js", "/api/allocations/2022",
        "/engine-rest/task?maxResults=1", "/api/progress/abc")) {
      ResponseEntity<String> response = http.withBasicAuth("province", "demo").getForEntity(path, String.class);
      HttpHeaders headers = response.getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
      assertThat(headers.get("Content-Security-Policy")).as(path).hasSize(1);
      assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'self'");
    }
    assertThat(http.getForEntity("/dashboard.html", String.class).getHeaders().getFirst("Content-Security-Policy"))
        .contains("script-src 'self'").doesNotContain("unsafe-eval");
    assertThat(http.getForEntity("/dashboard.html", String.class).getBody()).as("no inline script left")
        .doesNotContain("<script>");

    // Camunda's webapps keep their own CSP (one, with its nonce); the app adds no second one
    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getHeaders().get("Content-Security-Policy")).hasSize(1);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(tasklist.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(tasklist.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void apiRefusalsAreChineseSentencesWithoutClassNames() {
    for (String path : List.of("/api/progress/abc", "/api/progress/2022?month=13", "/api/evaluation/2022-99",
        "/api/reports/2022-03/u999/attachment2.xlsx", "/api/no-such-thing", "/api/allocations/abc")) {
      ResponseEntity<String> response = http.withBasicAuth("u029-filer", "demo").getForEntity(path, String.class);
      assertThat(response.getStatusCode().is4xxClientError()).as(path + ": " + response.getBody()).isTrue();
      String message = HostileInputTest.message(response);
      assertThat(message).as(path + ": " + response.getBody()).containsPattern("\\p{IsHan}")
          .doesNotContain("Exception").doesNotContain("java.").doesNotContain("Failed to");
    }
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> broken = http.withBasicAuth("province", "demo").exchange("/api/report-calendar/2022-05",
        HttpMethod.PUT, new HttpEntity<>("{\"dueDate\":", json), String.class);
    assertThat(broken.getStatusCode().value()).as(broken.getBody()).isEqualTo(400);
    assertThat(HostileInputTest.message(broken)).contains("请求内容").doesNotContain("JSON parse");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithTheLimit() {
    HttpHeaders pdf = new HttpHeaders();
    pdf.setContentType(MediaType.APPLICATION_PDF);
    byte[] big = new byte[21 * 1024 * 1024];
    for (String path : List.of("/api/reports/2022-03/u029/scan-check", "/engine-rest/task/x/complete")) {
      ResponseEntity<String> response = http.withBasicAuth("u029-filer", "demo").exchange(path, HttpMethod.POST,
          new HttpEntity<>(big, pdf), String.class);
      assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(413);
      assertThat(HostileInputTest.message(response)).contains("20 MB");
    }
  }
}
