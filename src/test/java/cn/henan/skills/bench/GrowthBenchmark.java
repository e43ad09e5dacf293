package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Issue 15's "growth": {@code growth.years} years ({@value #FIRST_YEAR}, {@value #FIRST_YEAR}+1, …) of
 * {@link YearDriver} one after another in one database, and what the users wait for in the first year and in the last,
 * over REST as the browser asks (HTTP Basic as the demo users, loopback): Tasklist's list of the filter 本单位待办 (HAL,
 * 15 a page) for a bureau's filer (u001-filer: its schools' reviews) and for {@code province} (the provincial units'
 * skills reviews), the progress API, the evaluation API and the dashboard (its progress call for every month so far
 * plus the evaluation). Measured in each year's last month while its on-time reports await review, so that the task
 * lists are full; {@value #SAMPLES} times each after {@value #WARM_UP} warm-ups. Also the year's figures as
 * {@link HenanYearBenchmark} prints them and the rows that grow. Asserts behaviour only.
 *
 * <p>{@code mvn -B -ntp -o test -Pbench -Dtest=GrowthBenchmark -Dkeycloak-tests.skip=true -Dgrowth.years=5
 * -Dgrowth.months=10} (the defaults; years 2071..2079 are this benchmark's, so at most 9).
 */
@SkillsHenanTest
@Import(StatementCounting.class)
class GrowthBenchmark {
  static final int FIRST_YEAR = 2071;
  static final int SAMPLES = 30;
  static final int WARM_UP = 5;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired SqlStatistics sql;
  @Autowired DataSource dataSource;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final StringBuilder out = new StringBuilder();

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void yearsInOneDatabase() throws IOException, SQLException {
    int years = Integer.getInteger("growth.years", 5);
    int months = Integer.getInteger("growth.months", 10);
    int schoolsPerBureau = Integer.getInteger("growth.schools-per-bureau", 5);
    assertThat(years).as("years %d..2079 only", FIRST_YEAR).isBetween(2, 2079 - FIRST_YEAR + 1);
    String started = Instant.now().toString();
    String loadBefore = HenanYearBenchmark.load();
    YearDriver driver = new YearDriver(context, sql);
    List<YearDriver.Year> played = new ArrayList<>();
    List<YearDriver.Rows> rows = new ArrayList<>();
    List<Long> heaps = new ArrayList<>();
    Map<Integer, Map<String, Times>> measured = new LinkedHashMap<>();
    YearDriver.Rows before = YearDriver.Rows.of(dataSource);
    for (int i = 0; i < years; i++) {
      int year = FIRST_YEAR + i;
      boolean measure = i == 0 || i == years - 1;
      try (HeapWatch heap = new HeapWatch()) {
        sql.start();
        played.add(driver.run(new YearDriver.Options(year, months, schoolsPerBureau, 5, 20), (y, m) -> {
          if (measure) {
            sql.stop();
            measured.put(y, measure(y, m));
            sql.start();
          }
        }));
        sql.stop();
        heaps.add(heap.maxAfterGc());
      }
      rows.add(YearDriver.Rows.of(dataSource));
      // the table so far after every year, so that a run cut short still leaves its figures
      out.setLength(0);
      print(played, rows, heaps, measured, before, started, loadBefore);
    }
  }

  /** Each request {@value #SAMPLES} times after {@value #WARM_UP}, one after another, as the user who makes it. */
  private Map<String, Times> measure(int year, int month) {
    String filter = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc";
    String period = String.format("%d-%02d", year, month);
    Map<String, Times> times = new LinkedHashMap<>();
    times.put("task list u001-filer", times("u001-filer", List.of(list), true));
    times.put("task list province", times("province", List.of(list), true));
    times.put("progress API", times("province", List.of("/api/progress/" + year + "?month=" + period), false));
    times.put("evaluation API", times("province", List.of("/api/evaluation/" + period), false));
    List<String> dashboard = new ArrayList<>();
    for (int m = 3; m <= month; m++) {
      dashboard.add(String.format("/api/progress/%d?month=%d-%02d", year, year, m));
    }
    dashboard.add("/api/evaluation/" + period);
    times.put("dashboard (" + dashboard.size() + " calls)", times("province", dashboard, false));
    return times;
  }

  private Times times(String user, List<String> paths, boolean hal) {
    long[] nanos = new long[SAMPLES];
    int items = 0;
    for (int i = -WARM_UP; i < SAMPLES; i++) {
      long start = System.nanoTime();
      for (String path : paths) {
        HttpResponse<String> answer = get(user, path, hal);
        assertThat(answer.statusCode()).as(user + " GET " + path + ": " + answer.body()).isEqualTo(200);
        if (hal) {
          items = answer.body().split("\"_links\"").length - 1;
        }
      }
      if (i >= 0) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    return new Times(nanos, items);
  }

  private HttpResponse<String> get(String user, String path, boolean hal) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", hal ? "application/hal+json" : "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sorted times of one request (or page of requests) and, for a HAL list, how many items it held. */
  record Times(long[] sorted, int items) {
    double ms(double p) {
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }

  private void print(List<YearDriver.Year> played, List<YearDriver.Rows> rows, List<Long> heaps,
      Map<Integer, Map<String, Times>> measured, YearDriver.Rows before, String started, String loadBefore)
      throws IOException {
    YearDriver.Options first = played.get(0).options;
    YearDriver.Options last = played.get(played.size() - 1).options;
    line("=== GrowthBenchmark: %d years (%d–%d) of %d months from March in one database, embedded PostgreSQL ===",
        played.size(), first.year(), last.year(), first.months());
    line("started %s; load average at start %s, at end %s", started, loadBefore, HenanYearBenchmark.load());
    line("each year: %d units (171 + 28 × %d schools), %d reports, every report accepted, returns, late units,"
        + " escalations and circulations as in HenanYearBenchmark", played.get(0).units.size(),
        first.schoolsPerBureau(), played.get(0).reports());
    line("");
    line("  %-6s %7s %8s %8s %8s %9s %9s %9s %9s %9s %8s", "year", "tasks", "wall s", "tasks/s", "stmts/t", "db MB",
        "authz", "act_hi_*", "bytearray", "domain", "heap MB");
    line("  %-6s %7s %8s %8s %8s %9.1f %9d %9d %9d %9d %8s", "before", "", "", "", "", before.databaseBytes() / 1e6,
        before.authorizations(), before.history(), before.bytearray(), before.domain(), "");
    for (int i = 0; i < played.size(); i++) {
      YearDriver.Year year = played.get(i);
      YearDriver.Rows r = rows.get(i);
      long tasks = year.reportTasks();
      long wall = year.reportWall() + year.otherWall();
      long statements = 0;
      for (String kind : YearDriver.KINDS) {
        statements += sql.counts(year.options.year() + " " + kind).statements();
      }
      for (String kind : YearDriver.OTHER) {
        statements += sql.counts(year.options.year() + " " + kind).statements();
      }
      line("  %-6d %7d %8.1f %8.1f %8.1f %9.1f %9d %9d %9d %9d %8d", year.options.year(), tasks, wall / 1e9,
          tasks / (wall / 1e9), statements / (double) tasks, r.databaseBytes() / 1e6, r.authorizations(), r.history(),
          r.bytearray(), r.domain(), heaps.get(i) >> 20);
    }
    line("  (wall and tasks/s: report tasks + timers + circulations of the year; stmts/t: all its statements per"
        + " report task; rows after the year; heap: most left after a collection during the year)");
    YearDriver.Rows end = rows.get(rows.size() - 1);
    line("  biggest history tables at the end: %s", YearDriver.Rows.biggest(end.historyTables(), 6));
    line("  biggest domain tables at the end:  %s", YearDriver.Rows.biggest(end.domainTables(), 6));
    line("  biggest tables in MB at the end (with TOAST and indexes): %s", YearDriver.Rows.biggest(end.megabytes(), 6));
    line("");
    Map<String, Times> one = measured.get(first.year());
    Map<String, Times> n = measured.getOrDefault(last.year(), one);
    line("Over REST in the last month of year 1 (%d) and year %d (%d), while its on-time reports await review;"
        + " %d samples each", first.year(), played.size(), last.year(), SAMPLES);
    line("  %-28s %9s %9s %9s %9s %8s %8s %7s", "request", "y1 p50", "y1 p95", "yN p50", "yN p95", "p50 ×",
        "p95 ×", "items");
    for (String request : one.keySet()) {
      Times a = one.get(request);
      Times b = n.get(request);
      line("  %-28s %9.1f %9.1f %9.1f %9.1f %8.2f %8.2f %7s", request, a.ms(0.5), a.ms(0.95), b.ms(0.5), b.ms(0.95),
          b.ms(0.5) / a.ms(0.5), b.ms(0.95) / a.ms(0.95), a.items() == 0 && b.items() == 0 ? ""
              : a.items() + "/" + b.items());
    }
    line("  (ms; × = year N / year 1; items = HAL objects in the answer, y1/yN, counted as TaskListTimes counts them)");
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "growth.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
