package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist's task list as Tasklist asks for it — a filter's list as HAL, which embeds the tasks' candidate groups and
 * users through the identity service (with the Keycloak plugin: calls to Keycloak) — 50 times after 5 warm-ups, for a
 * unit filer and for province; p50/p95 printed and appended to target/task-list-times.txt. Subclasses give the
 * profile and the credentials.
 */
abstract class TaskListTimes {
  static final int YEAR = 2022;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired TestRestTemplate http;

  abstract HttpHeaders credentials(String user);

  abstract String label();

  void measure() throws Exception {
    publish();
    StringBuilder out = new StringBuilder();
    for (String filter : new String[] {"本单位待办", "全部可见任务"}) {
      String id = filterService.createFilterQuery().filterName(filter).singleResult().getId();
      for (String user : new String[] {"u001-filer", "province"}) {
        HttpHeaders headers = credentials(user);
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/hal+json")));
        Supplier<ResponseEntity<String>> call = () -> http.exchange(
            "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc",
            HttpMethod.GET, new HttpEntity<>(headers), String.class);
        for (int i = 0; i < 5; i++) {
          assertThat(call.get().getStatusCode().value()).isEqualTo(200);
        }
        long[] times = new long[50];
        int tasks = 0;
        for (int i = 0; i < times.length; i++) {
          long start = System.nanoTime();
          ResponseEntity<String> answer = call.get();
          times[i] = System.nanoTime() - start;
          assertThat(answer.getStatusCode().value()).isEqualTo(200);
          tasks = answer.getBody().split("\"_links\"").length - 1;
        }
        Arrays.sort(times);
        out.append(String.format(Locale.ROOT, "%s | %s | %s | p50 %.1f ms | p95 %.1f ms | %d HAL items%n",
            label(), filter, user, times[24] / 1e6, times[47] / 1e6, tasks));
      }
    }
    // what the plugin is asked on Admin's and Tasklist's group pages: every group (~350) and one user's groups
    for (String path : new String[] {"/engine-rest/group?maxResults=2000", "/engine-rest/group?member=u001-filer"}) {
      HttpHeaders headers = credentials("province");
      Supplier<ResponseEntity<String>> call = () -> http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
          String.class);
      for (int i = 0; i < 5; i++) {
        assertThat(call.get().getStatusCode().value()).isEqualTo(200);
      }
      long[] times = new long[50];
      int groups = 0;
      for (int i = 0; i < times.length; i++) {
        long start = System.nanoTime();
        ResponseEntity<String> answer = call.get();
        times[i] = System.nanoTime() - start;
        groups = answer.getBody().split("\"id\"").length - 1;
      }
      Arrays.sort(times);
      out.append(String.format(Locale.ROOT, "%s | GET %s | province | p50 %.1f ms | p95 %.1f ms | %d groups%n",
          label(), path, times[24] / 1e6, times[47] / 1e6, groups));
    }
    long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    out.append(String.format(Locale.ROOT, "%s | test JVM (app + test) RSS %d MB, heap used %d MB%n", label(),
        rssKb / 1024, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20));
    System.out.print(out);
    Files.writeString(Path.of("target/task-list-times.txt"), out, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  /** The year's distribution with the built-in 2022 table: a unit-year, and so a task, for each of the 171 units. */
  private void publish() {
    if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "/u001").count() > 0) {
      return;
    }
    ProcessInstance distribution = runtimeService.startProcessInstanceByKey("quota-distribution",
        Variables.putValue("year", YEAR).putValue("allocationSource", "builtin"));
    Task approval = taskService.createTaskQuery().processInstanceId(distribution.getId()).singleResult();
    taskService.complete(approval.getId(), Map.of("approvalDecision", "approve"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(distribution.getId())
        .singleResult().getId());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(YEAR + "/%").count())
        .isGreaterThanOrEqualTo(171);
  }
}
