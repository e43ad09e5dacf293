package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10's double actions: the same task completed twice (two tabs, a double click, two people at once) — one wins,
 * the other gets 409 with one Chinese sentence; the same scan sent twice is stored once.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoubleActionTest {
  static final int YEAR = 2049;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      河南理工大学,500,450,300,90
      河南工业大学,600,500,300,90
      """;
  static final String ALREADY_DONE = "这个任务已经办理完毕";

  @Autowired Driver driver;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ReportDocuments documents;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  @Order(1)
  void aTaskCompletedTwiceAnswersTheSecondTimeThatItIsDone() {
    driver.publishAllocation(YEAR, TABLE);
    Task receive = driver.task(YEAR + "/u029", "u029-filer");
    String path = "/engine-rest/task/" + receive.getId() + "/complete";
    String body = "{\"variables\":{\"annualTaskAcknowledged\":{\"value\":true}}}";
    assertThat(post("u029-filer", path, body).getStatusCode().value()).isEqualTo(204);
    long history = historyService.createHistoricDetailQuery().processInstanceId(receive.getProcessInstanceId())
        .count();

    for (String again : List.of(path, "/engine-rest/task/" + receive.getId() + "/submit-form")) {
      alreadyDone(post("u029-filer", again, body));
    }
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(receive.getProcessInstanceId()).count())
        .as("nothing written by the second completion").isEqualTo(history);

    // Tasklist's own REST, two tabs of one person
    Task other = driver.task(YEAR + "/u030", "u030-filer");
    TasklistSession tab = TasklistSession.signIn(http, "u030-filer", "demo");
    String submit = "/camunda/api/engine/engine/default/task/" + other.getId() + "/submit-form";
    assertThat(tab.post(submit, body).getStatusCode().is2xxSuccessful()).isTrue();
    alreadyDone(tab.post(submit, body));

    // a task that never existed is no conflict
    ResponseEntity<String> none = post("u029-filer", "/engine-rest/task/no-such-task/complete", body);
    assertThat(none.getStatusCode().value()).as(none.getBody()).isBetween(400, 404);
    assertThat(none.getBody()).doesNotContain("Exception").doesNotContain(ALREADY_DONE);
  }

  @Test
  @Order(2)
  void twoCompletionsAtOnceLeaveOneWinnerAndOneClearAnswer() throws Exception {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
    String key = YEAR + "-03/u029";
    Task fill = driver.task(key, "u029-filer");
    String path = "/engine-rest/task/" + fill.getId() + "/complete";
    String body = HostileInputTest.fillBody("trainingMonth", "{\"value\":100}");

    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<ResponseEntity<String>>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return post("u029-filer", path, body);
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<ResponseEntity<String>> one : both) {
      ResponseEntity<String> response = one.get(60, TimeUnit.SECONDS);
      statuses.add(response.getStatusCode().value());
      if (response.getStatusCode().value() != 204) {
        alreadyDone(response);
      }
    }
    assertThat(statuses).as("one wins, the other is told").containsExactlyInAnyOrder(204, 409);
    assertThat(driver.task(key, "u029-leader")).as("exactly one signing task").isNotNull();
    assertThat(documents.latest(key, ReportDocument.Kind.REPORT_PDF)).isEmpty();
  }

  @Test
  @Order(3)
  void theSameScanSentTwiceIsStoredOnce() {
    String key = YEAR + "-03/u029";
    driver.signAndUploadScan(key, "u029");
    ReportDocument scan = documents.latest(key, ReportDocument.Kind.STAMPED_SCAN).orElseThrow();
    byte[] sent = scan.getContent();

    ReportDocument again = documents.acceptScan(key, sent, ReportDocuments.FilerDeclaration.NONE, "u029-filer");
    assertThat(again.getId()).as("the same scan is kept once").isEqualTo(scan.getId());
    assertThat(documents.latest(key, ReportDocument.Kind.STAMPED_SCAN).orElseThrow().getId()).isEqualTo(scan.getId());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.acceptScan(key,
        java.util.Arrays.copyOf(sent, sent.length + 1), ReportDocuments.FilerDeclaration.NONE, "u029-filer"))
        .isInstanceOf(ReportDocuments.ScanRefusedException.class).hasMessageContaining("已经上传");
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private static void alreadyDone(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
    assertThat(HostileInputTest.message(response)).contains(ALREADY_DONE).doesNotContain("Exception")
        .doesNotContain("Cannot ");
  }
}
