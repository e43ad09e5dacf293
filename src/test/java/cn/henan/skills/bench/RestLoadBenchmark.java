package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * REST under load, over loopback as Tasklist sends it (HTTP basic as the demo users, claim then complete): the 171
 * units receive their year at a fixed arrival rate of {@value #RATE} completions a second — four times a deadline
 * day's peak — while the province reads the progress API {@value #PROGRESS_RATE} times a second; then the 171 March
 * reports are filled by {@value #CLIENTS} clients at once, each completing one after another. Latency is taken from
 * the moment a request was due to be sent (an open model: a slow answer delays no later request's clock), so a
 * backlog shows in the percentiles. Bounded: 171 completions each round, loopback only.
 */
@SkillsHenanTest
class RestLoadBenchmark {
  static final int YEAR = 2066;
  static final int RATE = 20;
  static final int PROGRESS_RATE = 5;
  static final int CLIENTS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired QuotaDistribution quotas;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final StringBuilder out = new StringBuilder();
  /** Every failed answer by status, path and the start of its body, so that an error says what it was. */
  private final Map<String, Integer> failures = new java.util.concurrent.ConcurrentSkipListMap<>();

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
  }

  @Test
  void completionsAtAFixedRateAndFiftyClientsAtOnce() throws Exception {
    driver.publishAllocation(YEAR, shippedTable());
    List<String> units = unitYears().keySet().stream().sorted().toList();
    assertThat(units).hasSize(171);
    warmUp();

    // 1. the annual task received by every unit at 20 a second, the progress API read by the province meanwhile
    List<Task> receipts = units.stream().map(unit -> driver.task(YEAR + "/" + unit, unit + "-filer")).toList();
    Latencies completions = new Latencies("完成任务 at " + RATE + "/s");
    Latencies progress = new Latencies("progress API at " + PROGRESS_RATE + "/s");
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    ExecutorService senders = Executors.newCachedThreadPool();
    CountDownLatch done = new CountDownLatch(receipts.size());
    long start = System.nanoTime();
    for (int i = 0; i < receipts.size(); i++) {
      Task task = receipts.get(i);
      String user = units.get(i) + "-filer";
      long due = start + i * 1_000_000_000L / RATE;
      clock.schedule(() -> senders.execute(() -> {
        completions.record(due, complete(user, task.getId(), Map.of("annualTaskAcknowledged", true)));
        done.countDown();
      }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    int reads = receipts.size() * PROGRESS_RATE / RATE;
    for (int i = 0; i < reads; i++) {
      long due = start + i * 1_000_000_000L / PROGRESS_RATE;
      clock.schedule(() -> senders.execute(() -> progress.record(due,
          get("province", "/api/progress/" + YEAR + "?month=" + YEAR + "-03"))), due - System.nanoTime(),
          TimeUnit.NANOSECONDS);
    }
    assertThat(done.await(5, TimeUnit.MINUTES)).isTrue();
    long fixedRateWall = System.nanoTime() - start;
    clock.shutdown();
    clock.awaitTermination(1, TimeUnit.MINUTES);
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);

    // 2. March opens; 50 filers at once, each taking the next report as soon as the last is done
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears().values().stream().map(ProcessInstance::getId).toList());
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(units);
    Latencies fills = new Latencies(CLIENTS + " clients filling");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      clients.execute(() -> {
        for (String unit = queue.poll(); unit != null; unit = queue.poll()) {
          Task fill = driver.task(String.format("%d-03/%s", YEAR, unit), unit + "-filer");
          long sent = System.nanoTime();
          fills.record(sent, complete(unit + "-filer", fill.getId(), figures(quotas.quotaOf(YEAR, unit).orElseThrow())));
        }
      });
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    long concurrentWall = System.nanoTime() - start;

    line("=== RestLoadBenchmark: REST over loopback, embedded PostgreSQL, %d units ===", units.size());
    line("  %-26s %7s %8s %8s %8s %8s %7s %9s", "", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
        "per s");
    completions.print(fixedRateWall);
    progress.print(fixedRateWall);
    fills.print(concurrentWall);
    line("  (latency from when the request was due; completion = claim + complete as the unit's filer; errors ="
        + " any answer other than 2xx)");
    failures.forEach((failure, count) -> line("  failed %4d×  %s", count, failure));
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "rest-load.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    assertThat(completions.errors.get() + progress.errors.get() + fills.errors.get()).as("errors").isZero();
  }

  /** A few of each request first, so that the measured ones find the server's code compiled. */
  private void warmUp() {
    for (int i = 0; i < 20; i++) {
      get("province", "/api/progress/" + YEAR + "?month=" + YEAR + "-03");
      get("u029-filer", "/engine-rest/task?processInstanceBusinessKey=" + YEAR + "/u029");
    }
  }

  /** Claim, then complete with these values, as Tasklist does; the worse status of the two. */
  private int complete(String user, String taskId, Map<String, ?> values) {
    int claimed = post(user, "/engine-rest/task/" + taskId + "/claim", JSON.createObjectNode().put("userId", user));
    if (claimed >= 300) {
      return claimed;
    }
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value))));
    return post(user, "/engine-rest/task/" + taskId + "/complete", JSON.createObjectNode().set("variables", variables));
  }

  private int get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  private int post(String user, String path, ObjectNode body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private int send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        failures.merge(response.statusCode() + " " + request.uri().getPath().replaceAll("[0-9a-f-]{36}", "{id}")
            + ": " + response.body().substring(0, Math.min(200, response.body().length())), 1, Integer::sum);
      }
      return response.statusCode();
    } catch (IOException e) {
      return 599;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 599;
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)));
  }

  /** A tenth of each annual task, as the March round's benchmark fills it. */
  private static Map<String, Object> figures(Quota quota) {
    return Driver.reportFigures(quota.training() / 10, quota.certification() / 10,
        quota.advanced() == null ? 0 : quota.advanced() / 10, quota.onePlusX() == null ? 0 : quota.onePlusX() / 10);
  }

  private Map<String, ProcessInstance> unitYears() {
    Map<String, ProcessInstance> byUnit = new java.util.TreeMap<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list()
        .forEach(instance -> byUnit.put(instance.getBusinessKey().substring(5), instance));
    return byUnit;
  }

  private static String shippedTable() throws IOException {
    try (InputStream in = RestLoadBenchmark.class.getResourceAsStream("/allocation/allocation-2022.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** Latencies of one kind of request, from when each was due, and how many failed. */
  private final class Latencies {
    final String label;
    final List<Long> nanos = new ArrayList<>();
    final AtomicInteger errors = new AtomicInteger();

    Latencies(String label) {
      this.label = label;
    }

    synchronized void record(long due, int status) {
      nanos.add(System.nanoTime() - due);
      if (status < 200 || status >= 300) {
        errors.incrementAndGet();
      }
    }

    synchronized void print(long wall) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      line("  %-26s %7d %8.1f %8.1f %8.1f %8.1f %7d %9.1f", label, sorted.length, at(sorted, 0.5), at(sorted, 0.95),
          at(sorted, 0.99), at(sorted, 1.0), errors.get(), sorted.length / (wall / 1e9));
    }

    private double at(long[] sorted, double p) {
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }
}
