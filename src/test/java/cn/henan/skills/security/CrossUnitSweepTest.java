package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every unit's filer and leader against other units over real HTTP: tasks, instances, variables, history, the report
 * PDF and scan, progress and evaluation. Each attempt must be refused (403, 404, an empty list, or an answer without
 * the victim); the unit's own data and a city bureau's own schools stay visible.
 *
 * <p>The whole 2022 table is published for {@value #YEAR} (171 units); 郑州市 subdivides over two schools; six units
 * file March up to the stamped scan, so a PDF and a scan exist. The normal build sweeps a fixed sample of
 * {@value #SAMPLE_PAIRS} attacker/victim unit pairs (seed {@value #SEED}, both users of the attacking unit);
 * {@code -Psweep} ({@code -Dskills-henan.sweep=full}) sweeps every pair.
 */
@SkillsHenanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossUnitSweepTest {
  static final int YEAR = 2045;
  static final String MONTH = YEAR + "-03";
  static final int SAMPLE_PAIRS = 3_000;
  static final long SEED = 20_440_903L;
  static final int THREADS = 4;
  /** Units that file March up to the stamped scan: a city, one of its schools, a county city, universities, a school. */
  private final List<String> filing = new ArrayList<>(List.of("u001", "u019", "u029", "u100", "u152"));
  /** 郑州市's two schools of this year (their codes depend on the schools other tests registered before). */
  private final List<String> schools = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired QuotaDistribution quotas;
  @Autowired ReportDocuments documents;

  /** Time spent per kind of request (path without ids), for the summary. */
  private final Map<String, AtomicLong> nanosByKind = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<Target>> targets = new LinkedHashMap<>();
  private final List<String> provincialUnits = new ArrayList<>();
  private HttpClient client;

  /** One of a victim's process instances: its business key, id, and an open task in it (null when none). */
  record Target(String businessKey, String processInstanceId, String taskId) {
  }

  @BeforeAll
  void publishTheYearAndFileSomeReports() {
    String table = shippedTable();
    table.lines().skip(1).map(line -> String.format("u%03d", Integer.parseInt(line.split(",", 2)[0])))
        .forEach(provincialUnits::add);
    assertThat(provincialUnits).hasSize(171);
    driver.publishAllocation(YEAR, table);

    receive("u001");
    driver.subdivide(YEAR, "u001", """
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        郑州市第一职业中等专业学校,40000,35000,,7000
        郑州市第二职业中等专业学校,40000,35000,,7000
        """);
    runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/u001-s%").list().stream()
        .map(i -> i.getBusinessKey().substring(5)).sorted().forEach(schools::add);
    assertThat(schools).hasSize(2);
    filing.add(1, schools.get(0));
    for (String unit : filing) {
      if (!unit.equals("u001")) {
        receive(unit);
      }
    }
    try {
      driver.moveClockTo(LocalDate.of(YEAR, 3, 1), filing.stream()
          .map(unit -> driver.instance(YEAR + "/" + unit, "unit-year").getId()).toList());
      for (String unit : filing) {
        String key = MONTH + "/" + unit;
        Task fill = driver.task(key, unit + "-filer");
        assertThat(fill).as("March is open for " + unit).isNotNull();
        driver.complete(unit + "-filer", fill, figures(quotas.quotaOf(YEAR, unit).orElseThrow()));
        assertThat(driver.task(key, unit + "-leader")).as("submitted: " + unit)
            .isNotNull();
        driver.signAndUploadScan(key, unit);
        assertThat(documents.latest(key, ReportDocument.Kind.STAMPED_SCAN)).as("scan of " + unit).isPresent();
      }
    } finally {
      ClockUtil.reset();
    }

    List<String> victims = new ArrayList<>(provincialUnits);
    victims.addAll(schools);
    for (String unit : victims) {
      List<Target> list = new ArrayList<>();
      list.add(target(YEAR + "/" + unit, "unit-year"));
      if (filing.contains(unit)) {
        list.add(target(MONTH + "/" + unit, "monthly-report"));
      }
      targets.put(unit, list);
    }
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterAll
  void signOut() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void noUnitReadsAnotherUnitsWorkAndEveryUnitReadsItsOwn() throws Exception {
    boolean full = "full".equals(System.getProperty("skills-henan.sweep"));
    List<String[]> pairs = pairs(full);
    Map<String, List<String>> victimsByAttacker = new LinkedHashMap<>();
    Map<String, Integer> pairIndex = new HashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      victimsByAttacker.computeIfAbsent(pairs.get(i)[0], a -> new ArrayList<>()).add(pairs.get(i)[1]);
      pairIndex.put(pairs.get(i)[0] + ">" + pairs.get(i)[1], i);
    }

    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong allowed = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Map.Entry<String, List<String>> attacker : victimsByAttacker.entrySet()) {
        for (String role : List.of("filer", "leader")) {
          String user = attacker.getKey() + "-" + role;
          int roleIndex = role.equals("filer") ? 0 : 1;
          runs.add(threads.submit(() -> {
            Attempts attempts = new Attempts(user, failures, requests, refused, allowed);
            attempts.ownWork(attacker.getKey(), role);
            for (String victim : attacker.getValue()) {
              if (victim.startsWith(attacker.getKey() + "-s")) {
                attempts.ownSchool(victim);
              } else {
                // the sample splits a pair's attempts between its two users (alternating by pair, so that each user
                // tries every kind); the full sweep has both users try all of them
                int share = full ? -1 : (pairIndex.get(attacker.getKey() + ">" + victim) + roleIndex) % 2;
                attempts.foreign(victim, share);
              }
            }
            attempts.aggregates(attacker.getKey(), attacker.getValue());
          }));
        }
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } finally {
      threads.shutdownNow();
    }
    long seconds = Math.round((System.nanoTime() - start) / 1e9);
    System.out.printf(Locale.ROOT, "cross-unit sweep (%s): %,d pairs (%d attacking units, both users), %,d requests, "
            + "%,d refused, %,d own/own-school reads allowed, %d s on %d threads%n", full ? "full" : "sample seed " + SEED,
        pairs.size(), victimsByAttacker.size(), requests.get(), refused.get(), allowed.get(), seconds, THREADS);
    nanosByKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .limit(6).forEach(e -> System.out.printf(Locale.ROOT, "  %-60s %6.1f s%n", e.getKey(), e.getValue().get() / 1e9));
    assertThat(failures).as("%d of %d requests answered wrongly", failures.size(), requests.get()).isEmpty();
    assertThat(pairs.size()).isGreaterThanOrEqualTo(full ? 171 * 170 : SAMPLE_PAIRS);
    assertThat(refused.get() + allowed.get()).isEqualTo(requests.get());
  }

  /**
   * Attacker unit, victim unit: every ordered pair of distinct units (the 171 units attack, the two schools are also
   * victims), or a fixed sample of them that always holds the city's own schools and another city against them.
   */
  private List<String[]> pairs(boolean full) {
    List<String[]> all = new ArrayList<>();
    for (String attacker : provincialUnits) {
      for (String victim : targets.keySet()) {
        if (!victim.equals(attacker)) {
          all.add(new String[] {attacker, victim});
        }
      }
    }
    if (full) {
      return all;
    }
    Collections.shuffle(all, new Random(SEED));
    Set<String> chosen = new LinkedHashSet<>();
    List<String[]> sample = new ArrayList<>();
    for (String[] must : List.of(new String[] {"u001", schools.get(0)}, new String[] {"u001", schools.get(1)},
        new String[] {"u002", schools.get(0)}, new String[] {"u029", "u001"}, new String[] {"u001", "u029"},
        new String[] {"u100", "u152"})) {
      chosen.add(must[0] + ">" + must[1]);
      sample.add(must);
    }
    for (String[] pair : all) {
      if (sample.size() >= SAMPLE_PAIRS) {
        break;
      }
      if (chosen.add(pair[0] + ">" + pair[1])) {
        sample.add(pair);
      }
    }
    return sample;
  }

  /** One user's requests; each answer is judged and counted. */
  private final class Attempts {
    final String user;
    final String authorization;
    final Queue<String> failures;
    final AtomicLong requests;
    final AtomicLong refused;
    final AtomicLong allowed;

    Attempts(String user, Queue<String> failures, AtomicLong requests, AtomicLong refused, AtomicLong allowed) {
      this.user = user;
      this.authorization = "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      this.failures = failures;
      this.requests = requests;
      this.refused = refused;
      this.allowed = allowed;
    }

    /**
     * Everything about another unit: refused, hidden, or empty. {@code share} 0 or 1 takes every other path (the
     * other user of the unit takes the rest), -1 all of them.
     */
    void foreign(String victim, int share) {
      List<String> paths = new ArrayList<>();
      for (Target target : targets.get(victim)) {
        String bk = encode(target.businessKey());
        String pi = target.processInstanceId();
        paths.add("/engine-rest/task?processInstanceBusinessKey=" + bk);
        if (target.taskId() != null) {
          paths.add("/engine-rest/task/" + target.taskId());
          paths.add("/engine-rest/task/" + target.taskId() + "/variables");
        }
        paths.add("/engine-rest/process-instance/" + pi);
        paths.add("/engine-rest/process-instance/" + pi + "/variables");
        paths.add("/engine-rest/history/process-instance?processInstanceBusinessKey=" + bk);
        paths.add("/engine-rest/history/task?processInstanceId=" + pi);
        paths.add("/engine-rest/history/variable-instance?processInstanceId=" + pi);
      }
      paths.add("/api/reports/" + MONTH + "/" + victim + "/report.pdf");
      paths.add("/api/reports/" + MONTH + "/" + victim + "/scan.pdf");
      for (int i = 0; i < paths.size(); i++) {
        if (share < 0 || i % 2 == share) {
          mustRefuse(victim, paths.get(i));
        }
      }
    }

    /** A city bureau's own school: its instances, history and documents are the city's to see. */
    void ownSchool(String school) {
      for (Target target : targets.get(school)) {
        mustSee("/engine-rest/process-instance/" + target.processInstanceId(), target.processInstanceId());
        mustSee("/engine-rest/history/process-instance?processInstanceBusinessKey=" + encode(target.businessKey()),
            target.processInstanceId());
      }
      if (filing.contains(school)) {
        mustGetPdf("/api/reports/" + MONTH + "/" + school + "/report.pdf");
        mustGetPdf("/api/reports/" + MONTH + "/" + school + "/scan.pdf");
      }
    }

    /** The honest path: the user's own unit is visible. */
    void ownWork(String unit, String role) {
      for (Target target : targets.get(unit)) {
        mustSee("/engine-rest/process-instance/" + target.processInstanceId(), target.processInstanceId());
        mustSee("/engine-rest/history/process-instance?processInstanceBusinessKey=" + encode(target.businessKey()),
            target.processInstanceId());
        if (role.equals("filer") && target.businessKey().equals(YEAR + "/" + unit) && target.taskId() != null) {
          mustSee("/engine-rest/task?processInstanceBusinessKey=" + encode(target.businessKey()), target.taskId());
          mustSee("/engine-rest/task/" + target.taskId() + "/variables", "unitCode");
        }
      }
      if (filing.contains(unit)) {
        mustGetPdf("/api/reports/" + MONTH + "/" + unit + "/report.pdf");
        mustGetPdf("/api/reports/" + MONTH + "/" + unit + "/scan.pdf");
      }
    }

    /** Progress and evaluation: the attacker's own unit (and a city's schools), never a victim. */
    void aggregates(String unit, List<String> victims) {
      Set<String> mayAppear = new LinkedHashSet<>();
      mayAppear.add(unit);
      schools.stream().filter(s -> s.startsWith(unit + "-s")).forEach(mayAppear::add);

      Answer progress = get("/api/progress/" + YEAR + "?month=" + MONTH);
      JsonNode body = progress.status() == 200 ? progress.json() : null;
      Set<String> shown = body == null ? Set.of() : codes(body.get("units"));
      if (body == null || !mayAppear.containsAll(shown) || !shown.contains(unit) || !body.get("totals").isNull()) {
        fail("/api/progress", progress, "shows " + shown + " (may: " + mayAppear + ")");
      } else {
        count(true, "/api/progress", victims);
      }

      Answer evaluation = get("/api/evaluation/" + MONTH);
      boolean bureau = Integer.parseInt(unit.substring(1)) <= 28;
      if (evaluation.status() == 403 && !bureau) {
        count(true, "/api/evaluation", victims);
      } else if (evaluation.status() == 200 && bureau) {
        JsonNode evaluated = evaluation.json();
        Set<String> named = codes(evaluated.get("units"));
        for (String list : List.of("slowUnits", "slowOnePlusX", "lowOnePlusX", "lateUnits", "missingUnits",
            "certificateFindings")) {
          named.addAll(codes(evaluated.get(list)));
        }
        evaluated.get("lowUnits").forEach(n -> named.addAll(codes(n)));
        if (named.contains(unit) && mayAppear.containsAll(named)) {
          count(true, "/api/evaluation", victims);
        } else {
          fail("/api/evaluation", evaluation, "names " + named);
        }
      } else {
        fail("/api/evaluation", evaluation, "unexpected status");
      }
    }

    private void count(boolean refusal, String path, List<String> victims) {
      (refusal ? refused : allowed).incrementAndGet();
    }

    private void mustRefuse(String victim, String path) {
      Answer answer = get(path);
      boolean ok = answer.status() == 403 || answer.status() == 404
          || (answer.status() == 200 && answer.body().strip().equals("[]"));
      if (ok) {
        refused.incrementAndGet();
      } else {
        fail(path, answer, "not refused (victim " + victim + ")");
      }
    }

    private void mustSee(String path, String expected) {
      Answer answer = get(path);
      if (answer.status() == 200 && answer.body().contains(expected)) {
        allowed.incrementAndGet();
      } else {
        fail(path, answer, "own data not visible (expected " + expected + ")");
      }
    }

    private void mustGetPdf(String path) {
      Answer answer = get(path);
      if (answer.status() == 200 && answer.body().startsWith("%PDF")) {
        allowed.incrementAndGet();
      } else {
        fail(path, answer, "own PDF not visible");
      }
    }

    private void fail(String path, Answer answer, String why) {
      String body = answer.body();
      failures.add(user + " GET " + path + " -> " + answer.status() + " " + why + ": "
          + body.substring(0, Math.min(200, body.length())));
    }

    private Answer get(String path) {
      requests.incrementAndGet();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", authorization).header("Accept", "application/json, application/pdf")
          .timeout(Duration.ofSeconds(60)).GET().build();
      long started = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        nanosByKind.computeIfAbsent(kind(path), k -> new AtomicLong()).addAndGet(System.nanoTime() - started);
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The body kept as Latin-1 so that a PDF survives; {@link #json()} decodes it as UTF-8. */
  private record Answer(int status, String body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body.getBytes(StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The unit codes of a list of units (and of their schools). */
  private static Set<String> codes(JsonNode list) {
    Set<String> codes = new LinkedHashSet<>();
    if (list != null) {
      list.forEach(n -> {
        if (n.hasNonNull("code")) {
          codes.add(n.get("code").asText());
        }
        if (n.has("schools")) {
          codes.addAll(codes(n.get("schools")));
        }
      });
    }
    return codes;
  }

  private Target target(String businessKey, String processKey) {
    ProcessInstance instance = driver.instance(businessKey, processKey);
    assertThat(instance).as(businessKey).isNotNull();
    List<Task> open = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    return new Target(businessKey, instance.getId(), open.isEmpty() ? null : open.get(0).getId());
  }

  private void receive(String unit) {
    driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
        Map.of("annualTaskAcknowledged", true));
  }

  /** A tenth of each annual task, no advanced certificates (a secondary school would need a confirmation). */
  private static Map<String, Object> figures(Quota quota) {
    Map<String, Object> form = new HashMap<>(Driver.reportFigures(quota.training() / 10,
        quota.certification() / 10, 0, quota.onePlusX() == null ? 0 : quota.onePlusX() / 10));
    return form;
  }

  /** A path with its ids and query values left out. */
  private static String kind(String path) {
    return path.replaceAll("=[^&]*", "=").replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}")
        .replaceAll("/u\\d{3}(-s\\d{2})?/", "/{unit}/");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String shippedTable() {
    try (InputStream in = CrossUnitSweepTest.class.getResourceAsStream("/allocation/allocation-2022.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
