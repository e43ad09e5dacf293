package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started under the running application: during the outage every request answers 503 with a
 * Chinese sentence and writes nothing; afterwards the application serves again by itself, without a restart, and
 * the step refused during the outage can be done.
 */
class DatabaseRestartTest {
  private static final int YEAR = 2025;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theApplicationAnswersClearlyDuringAnOutageAndRecoversByItself() throws Exception {
    try (ApplicationProcess app = new ApplicationProcess(YEAR)) {
      app.start("run");
      app.publish("河南理工大学,500,450,300,90\n");
      app.receive("u029");
      app.awaitIdle();
      String key = YEAR + "-03/u029";
      app.fill("u029", YEAR + "-03");
      String sign = app.tasks("u029-leader", key).get(0).get("id").asText();

      app.stopDatabase();
      List<HttpResponse<String>> duringTheOutage = List.of(
          app.get("u029-leader", "/engine-rest/task?processInstanceBusinessKey=" + key),
          app.post("u029-leader", "/engine-rest/task/" + sign + "/complete",
              JSON.readTree("{\"variables\":{\"signDecision\":{\"value\":\"approve\"}}}")),
          app.get("province", "/api/progress/" + YEAR + "?month=" + YEAR + "-03"));
      long stopped = System.nanoTime();
      app.startDatabase();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
          app.get("u029-leader", "/engine-rest/task?processInstanceBusinessKey=" + key).statusCode() == 200);
      long recoveredMs = (System.nanoTime() - stopped) / 1_000_000;

      for (HttpResponse<String> answer : duringTheOutage) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(503);
        String message = JSON.readTree(answer.body()).path("message").asText();
        assertThat(message).as(answer.uri().toString()).contains("数据库").doesNotContain("Exception")
            .doesNotContain("org.");
      }
      assertThat(app.tasks("u029-leader", key)).as("the signature refused during the outage wrote nothing")
          .extracting(t -> t.get("id").asText()).containsExactly(sign);
      app.sign("u029", YEAR + "-03");
      app.awaitIdle(); // the PDF, rendered after the signature commits
      assertThat(app.tasks("u029-filer", key)).extracting(t -> t.get("name").asText())
          .containsExactly("上传 2025年3月 进度月报盖章扫描件（河南理工大学）");
      System.out.printf("database restart: served again %d ms after the database was stopped and started%n",
          recoveredMs);
    }
  }
}
