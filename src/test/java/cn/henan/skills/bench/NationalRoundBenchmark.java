package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.henan.skills.Driver;
import cn.henan.skills.robustness.ApplicationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's national round: {@value #DEFAULT_UNITS} synthetic units (the shipped 171-unit table published for
 * {@value #YEAR}, and its 28 city and county bureaus subdividing the rest over their schools, about 708 each), March
 * opened for all of them by their timers on the job executor, then slices of the March reports filled, signed,
 * uploaded as stamped scans and accepted in both review lanes over REST as the users who do them — by 1, 2, 4 and 8
 * driver threads against one node, then the same against two nodes on the one PostgreSQL (Camunda 7's cluster: each
 * node its own port and job executor), the threads split between the nodes. The nodes are the packaged application as
 * separate processes ({@link ApplicationProcess}, profile postgres, the demo clock on so that {@value #YEAR}'s March
 * can be opened now). Everything runs through the application's own paths: no SQL writes.
 *
 * <p>A whole round is 100,000 tasks, hours on this machine, so each thread count completes its own slice of
 * {@code bench.national.reportsPerRun} reports (default {@value #DEFAULT_REPORTS_PER_RUN}); the slices follow one fixed
 * shuffle of the units so each holds the same mix of provincial units and schools. Properties:
 * {@code bench.national.units} (default {@value #DEFAULT_UNITS}), {@code bench.national.reportsPerRun},
 * {@code bench.national.threads} (default 1,2,4,8), {@code bench.national.twoNodeThreads} (default the same; empty:
 * no two-node runs), {@code bench.national.warmUp} (reports through each node before its runs, default
 * {@value #DEFAULT_WARM_UP}). Checks that every month opened once, every completed report ended accepted and no
 * request or job failed; times are printed, never asserted. Written to {@code target/bench/national-round-benchmark.txt}.
 */
class NationalRoundBenchmark {
  static final int YEAR = 2080;
  static final String MARCH = YEAR + "-03";
  static final int DEFAULT_UNITS = 20_000;
  static final int DEFAULT_REPORTS_PER_RUN = 500;
  /** Reports completed through each node before its measured runs, so that none measures a cold JVM. */
  static final int DEFAULT_WARM_UP = 20;
  static final int PROVINCIAL_UNITS = 171;
  static final Set<String> BUREAU_KINDS = Set.of("prefecture_city", "demonstration_zone", "county_city");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringBuilder out = new StringBuilder();
  /** Every failure by step and message, so that an error says what it was. */
  private final Map<String, Integer> failures = new ConcurrentSkipListMap<>();

  @Test
  void nationalRoundOnOneNodeAndOnTwo() throws Exception {
    int unitCount = Integer.getInteger("bench.national.units", DEFAULT_UNITS);
    int reportsPerRun = Integer.getInteger("bench.national.reportsPerRun", DEFAULT_REPORTS_PER_RUN);
    int warmUp = Integer.getInteger("bench.national.warmUp", DEFAULT_WARM_UP);
    List<Integer> oneNodeThreads = threadCounts("bench.national.threads", "1,2,4,8");
    List<Integer> twoNodeThreads = threadCounts("bench.national.twoNodeThreads",
        System.getProperty("bench.national.threads", "1,2,4,8"));

    List<String[]> table = shippedTable().lines().skip(1).map(line -> line.split(",", -1)).toList();
    List<String[]> bureaus = table.stream().filter(row -> BUREAU_KINDS.contains(row[2])).toList();
    int schoolCount = unitCount - PROVINCIAL_UNITS;
    assertThat(schoolCount).as("units beyond the 171 of the table, for the bureaus' schools")
        .isGreaterThanOrEqualTo(bureaus.size());
    Map<String, Map<String, Object>> figures = new HashMap<>();
    table.forEach(row -> figures.put(code(row[0]), Driver.reportFigures(tenth(row[3]), tenth(row[4]), tenth(row[5]),
        tenth(row[6]))));

    try (ApplicationProcess cluster = new ApplicationProcess(YEAR)) {
      // demo clock a month before March, so that publishing opens nothing yet; a 708-school publication is one job
      // of minutes (see the setup's figures), longer than ApplicationProcess's 5-second lock would allow
      cluster.heap("2g").jobLockTime(Duration.ofMinutes(30)).startTimeout(Duration.ofMinutes(30))
          .demoClockFrom(YEAR + "-02-01T09:00:00+08:00");
      long start = System.nanoTime();
      cluster.start(0, "national-node-0");
      long node0Start = System.nanoTime() - start;

      // --- setup: the province publishes, the bureaus receive and subdivide over their schools ---
      start = System.nanoTime();
      cluster.publishTable(YEAR, shippedTable());
      awaitCount(cluster, "unit-years", unitYears(), PROVINCIAL_UNITS, Duration.ofMinutes(10));
      long publish = System.nanoTime() - start;

      start = System.nanoTime();
      for (String[] bureau : bureaus) {
        cluster.receive(code(bureau[0]));
      }
      long receive = System.nanoTime() - start;

      start = System.nanoTime();
      List<Long> subdivisionJobs = new ArrayList<>();
      int expectedYears = PROVINCIAL_UNITS;
      for (int b = 0; b < bureaus.size(); b++) {
        String[] bureau = bureaus.get(b);
        int schools = schoolCount / bureaus.size() + (b < schoolCount % bureaus.size() ? 1 : 0);
        long t = System.nanoTime();
        cluster.subdivide(code(bureau[0]), schoolTable(bureau, schools, figures));
        expectedYears += schools;
        // one bureau at a time, as each publication is one job: the figures say what one costs
        awaitCount(cluster, "unit-years", unitYears(), expectedYears, Duration.ofMinutes(30));
        subdivisionJobs.add(System.nanoTime() - t);
        System.out.printf("national round: %s subdivided over %d schools in %.1f s (%d unit-years)%n",
            code(bureau[0]), schools, (System.nanoTime() - t) / 1e9, expectedYears);
      }
      long subdivision = System.nanoTime() - start;
      assertThat(cluster.sql(unitYears())).as("unit-years").isEqualTo(unitCount);
      assertNoFailedJob(cluster);

      // --- opening: the clock moves to 1 March, and the job executor fires every unit's March timer ---
      // the job log's timestamps are the engine's (demo) time: count the jobs done before and after
      String jobsDone = "select count(*) from act_hi_job_log where job_state_ = 2";
      long jobsBefore = cluster.sql(jobsDone);
      start = System.nanoTime();
      JsonNode advanced = advanceClock(cluster);
      awaitCount(cluster, "March reports", marchReports(), unitCount, Duration.ofMinutes(120));
      long opening = System.nanoTime() - start;
      assertThat(cluster.sql(marchReports())).as("March reports, one a unit").isEqualTo(unitCount);
      assertThat(cluster.rows("select e.business_key_ from act_ru_execution e join act_re_procdef d"
          + " on d.id_ = e.proc_def_id_ where d.key_ = 'monthly-report' and e.id_ = e.proc_inst_id_"
          + " and e.business_key_ like '" + MARCH + "/%' group by 1 having count(*) > 1"))
          .as("no unit's March opened twice").isEmpty();
      assertThat(cluster.sql("select count(*) from monthly_report where year = " + YEAR + " and month = 3"))
          .as("one report row a unit").isEqualTo(unitCount);
      long openingJobs = cluster.sql(jobsDone) - jobsBefore;
      System.out.printf("national round: setup %.1f s, opened %d reports in %.1f s%n", (publish + receive
          + subdivision) / 1e9, unitCount, opening / 1e9);
      assertNoFailedJob(cluster);

      // --- the round: slices of the March reports, on one node, then on two ---
      List<String> units = new ArrayList<>(cluster.rows("select substring(business_key_ from 6) from"
          + " act_ru_execution where business_key_ like '" + YEAR + "/%' and id_ = proc_inst_id_ and proc_def_id_ in"
          + " (select id_ from act_re_procdef where key_ = 'unit-year') order by 1"));
      Collections.shuffle(units, new Random(15));
      ConcurrentLinkedQueue<String> remaining = new ConcurrentLinkedQueue<>(units);
      List<Run> warmUps = new ArrayList<>();
      warmUps.add(run(cluster, slice(remaining, warmUp), 2, 0, 1, figures));
      List<Run> oneNode = new ArrayList<>();
      for (int threads : oneNodeThreads) {
        oneNode.add(run(cluster, slice(remaining, reportsPerRun), threads, 0, 1, figures));
      }
      List<Run> twoNodes = new ArrayList<>();
      long node1Start = 0;
      if (!twoNodeThreads.isEmpty()) {
        start = System.nanoTime();
        cluster.start(1, "national-node-1");
        node1Start = System.nanoTime() - start;
        System.out.printf("national round: node 1 joined in %.1f s%n", node1Start / 1e9);
        warmUps.add(run(cluster, slice(remaining, warmUp), 2, 1, 1, figures));
        for (int threads : twoNodeThreads) {
          twoNodes.add(run(cluster, slice(remaining, reportsPerRun), threads, 0, 2, figures));
        }
      }
      String load = uptime();

      line("=== NationalRoundBenchmark: %d units, March %d, ApplicationProcess nodes (profile postgres, -Xmx2g,"
          + " job executor defaults) on one embedded PostgreSQL 17 ===", unitCount, YEAR);
      line("run %s; load at the end: %s", Instant.now(), load);
      line("");
      line("setup (REST as the users; the job executor publishes)");
      line("  node 0 started (empty database)                                  %8.1f s", node0Start / 1e9);
      line("  publish the 171-unit table (upload, approve, start 171 unit-years) %8.1f s", publish / 1e9);
      line("  %d bureaus receive their annual task                               %8.1f s", bureaus.size(),
          receive / 1e9);
      long[] jobs = subdivisionJobs.stream().mapToLong(Long::longValue).sorted().toArray();
      line("  %d bureaus subdivide over %d schools (upload, approve, publish job) %8.1f s  (%.1f s per bureau: min"
          + " %.1f, max %.1f; %.1f ms per school)", bureaus.size(), schoolCount, subdivision / 1e9,
          subdivision / 1e9 / bureaus.size(), jobs[0] / 1e9, jobs[jobs.length - 1] / 1e9,
          subdivision / 1e6 / schoolCount);
      line("  units with a %d unit-year: %d", YEAR, unitCount);
      line("");
      line("opening: demo clock advanced to %s (timer of %s), the job executor fires every March timer",
          advanced.path("now").asText(), advanced.path("fired").path("processDefinitionKey").asText());
      line("  %-12s %10s %10s %14s %12s", "node(s)", "instances", "s", "instances/s", "jobs done");
      line("  %-12s %10d %10.1f %14.1f %12d", "node 0", unitCount, opening / 1e9, unitCount / (opening / 1e9),
          openingJobs);
      line("");
      line("round: fill -> sign (PDF job) | paper | upload scan -> review skills -> review 1+X, over REST as the"
          + " users;");
      line("  each thread takes the next report of its slice; tasks/s and reports/s over the two timed phases (paper");
      line("  work — download the PDF, print, stamp, scan on the client — is not the system's and not timed);");
      line("  p50/p95 of one completion (find the task + complete it: two requests); before its runs each node");
      line("  completed %d reports on 2 threads as a warm-up, not counted here", warmUp);
      header();
      oneNode.forEach(run -> row("1 node", run));
      if (!twoNodes.isEmpty()) {
        line("  node 1 joined in %.1f s (start with %d units in the registry)", node1Start / 1e9, unitCount);
        twoNodes.forEach(run -> row("2 nodes", run));
        line("");
        line("two nodes / one node at the same thread count");
        line("  %-8s %12s %12s %12s", "threads", "tasks/s", "p50", "p95");
        for (Run two : twoNodes) {
          oneNode.stream().filter(one -> one.threads == two.threads).findFirst().ifPresent(one -> line(
              "  %-8d %12.2f %12.2f %12.2f", two.threads, two.tasksPerSecond() / one.tasksPerSecond(),
              two.percentileMs(0.5) / one.percentileMs(0.5), two.percentileMs(0.95) / one.percentileMs(0.95)));
        }
      }
      List<Run> all = concat(warmUps, concat(oneNode, twoNodes));
      int completed = all.stream().mapToInt(r -> r.reports.size()).sum();
      line("");
      line("reports completed: %d of %d (%s, warm-ups included); failures:", completed, unitCount,
          reportsPerRun >= unitCount ? "the whole round" : reportsPerRun + " a run");
      failures.forEach((failure, count) -> line("  %5d×  %s", count, failure));
      if (failures.isEmpty()) {
        line("  none");
      }
      write();

      for (Run run : all) {
        Map<String, String> statuses = new HashMap<>();
        cluster.rows("select unit_code || '=' || status from monthly_report where year = " + YEAR + " and month = 3"
            + " and unit_code in (" + run.reports.stream().map(u -> "'" + u + "'").collect(Collectors.joining(","))
            + ")").forEach(row -> statuses.put(row.substring(0, row.indexOf('=')),
                row.substring(row.indexOf('=') + 1)));
        for (String unit : run.reports) {
          assertThat(statuses.get(unit)).as(MARCH + "/" + unit).isEqualTo("ACCEPTED");
        }
      }
      assertNoFailedJob(cluster);
      assertThat(failures).as("failed requests").isEmpty();
    }
  }

  /** One slice of the round with this many driver threads, thread i on node firstNode + i mod nodes. */
  private Run run(ApplicationProcess cluster, List<String> slice, int threads, int firstNode, int nodes,
      Map<String, Map<String, Object>> figures) throws Exception {
    Run run = new Run(threads, nodes);
    Set<String> failed = ConcurrentHashMap.newKeySet();
    long start = System.nanoTime();
    parallel(cluster, slice, threads, firstNode, nodes, unit -> {
      step(run, failed, unit, "fill", () -> cluster.fill(unit, MARCH, figures.get(unit)));
      step(run, failed, unit, "sign", () -> cluster.sign(unit, MARCH));
    });
    // the report PDFs are rendered by the job executor(s) after each signature: done before the phase ends
    awaitJobs(cluster);
    long fillAndSign = System.nanoTime() - start;

    Map<String, byte[]> scans = new ConcurrentHashMap<>();
    start = System.nanoTime();
    parallel(cluster, slice, threads, firstNode, nodes, unit -> {
      if (!failed.contains(unit)) {
        try {
          scans.put(unit, cluster.printedScan(unit, MARCH));
        } catch (Throwable e) {
          fail(failed, unit, "paper", e);
        }
      }
    });
    run.paper = System.nanoTime() - start;

    start = System.nanoTime();
    parallel(cluster, slice, threads, firstNode, nodes, unit -> {
      step(run, failed, unit, "upload scan", () -> cluster.uploadScan(unit, MARCH, scans.get(unit)));
      step(run, failed, unit, "review skills", () -> cluster.reviewSkills(unit, MARCH));
      step(run, failed, unit, "review 1+X", () -> cluster.reviewOnePlusX(unit, MARCH));
    });
    awaitJobs(cluster);
    run.wall = fillAndSign + System.nanoTime() - start;
    run.reports.addAll(slice.stream().filter(unit -> !failed.contains(unit)).toList());
    run.errors = failed.size();
    // each run's row as it ends, so that a run cut short still leaves its figures in the log
    System.out.printf(Locale.ROOT, "national round: %d node(s) from node %d, %d thread(s): %d reports, %d tasks,"
        + " %.1f s,"
        + " %.2f tasks/s, %.2f reports/s, p50 %.1f ms, p95 %.1f ms, %d errors, paper %.1f s%n", nodes, firstNode,
        threads, run.reports.size(), run.tasks(), run.wall / 1e9, run.tasksPerSecond(),
        run.reports.size() / (run.wall / 1e9),
        run.percentileMs(0.5), run.percentileMs(0.95), run.errors, run.paper / 1e9);
    return run;
  }

  private interface Step {
    void run() throws Exception;
  }

  /** One timed completion; a report that failed a step is not carried on. */
  private void step(Run run, Set<String> failed, String unit, String kind, Step step) {
    if (failed.contains(unit)) {
      return;
    }
    long t = System.nanoTime();
    try {
      step.run();
      run.record(System.nanoTime() - t);
    } catch (Throwable e) {
      fail(failed, unit, kind, e);
    }
  }

  private void fail(Set<String> failed, String unit, String kind, Throwable e) {
    failed.add(unit);
    String message = String.valueOf(e.getMessage()).replaceAll("[0-9a-f-]{36}", "{id}")
        .replace(unit, "{unit}").lines().findFirst().orElse("");
    failures.merge(kind + ": " + message.substring(0, Math.min(200, message.length())), 1, Integer::sum);
  }

  private interface UnitWork {
    void on(String unit);
  }

  private static void parallel(ApplicationProcess cluster, List<String> slice, int threads, int firstNode, int nodes,
      UnitWork work) throws InterruptedException {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(slice);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      int node = firstNode + i % nodes;
      pool.execute(() -> {
        cluster.serveFromOnThisThread(node);
        for (String unit = queue.poll(); unit != null; unit = queue.poll()) {
          work.on(unit);
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(6, TimeUnit.HOURS)).isTrue();
  }

  private static List<String> slice(ConcurrentLinkedQueue<String> remaining, int size) {
    List<String> slice = new ArrayList<>();
    for (String unit; slice.size() < size && (unit = remaining.poll()) != null; ) {
      slice.add(unit);
    }
    return slice;
  }

  /** Moves the demo clock (as camunda-admin) until it is past the opening of March in Beijing. */
  private static JsonNode advanceClock(ApplicationProcess cluster) throws Exception {
    Instant march = OffsetDateTime.parse(MARCH + "-01T00:00:00+08:00").toInstant();
    for (int i = 0; i < 10; i++) {
      var answer = cluster.post("admin", "/api/demo-clock/advance", JSON.createObjectNode());
      ApplicationProcess.ok(answer);
      JsonNode clock = JSON.readTree(answer.body());
      if (!Instant.parse(clock.get("now").asText()).isBefore(march)) {
        return clock;
      }
    }
    throw new AssertionError("the demo clock did not reach " + MARCH);
  }

  /** No asynchronous step left that is due now (the engine's time is the demo clock's, the database's is real). */
  private static void awaitJobs(ApplicationProcess cluster) {
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> cluster.sql(
        "select count(*) from act_ru_job where duedate_ is null and retries_ > 0 and suspension_state_ = 1") == 0);
  }

  private static void awaitCount(ApplicationProcess cluster, String what, String query, long expected,
      Duration atMost) {
    await(what).atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> cluster.sql(query) >= expected);
  }

  private static void assertNoFailedJob(ApplicationProcess cluster) throws Exception {
    assertThat(cluster.rows("select coalesce(exception_msg_, '') from act_ru_job where exception_msg_ is not null"
        + " or retries_ < 3")).as("jobs that failed").isEmpty();
  }

  private static String unitYears() {
    return "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ ="
        + " 'unit-year' and e.id_ = e.proc_inst_id_ and e.business_key_ like '" + YEAR + "/%'";
  }

  private static String marchReports() {
    return "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ ="
        + " 'monthly-report' and e.id_ = e.proc_inst_id_ and e.business_key_ like '" + MARCH + "/%'";
  }

  /**
   * The bureau's schools with its quota split evenly, rounded up so the sums cover it; the schools' figures (a
   * tenth of each task, no advanced certificates: a secondary school needs a confirmation for those) noted for the
   * round.
   */
  private static String schoolTable(String[] bureau, int schools, Map<String, Map<String, Object>> figures) {
    String city = code(bureau[0]);
    int training = ceil(Integer.parseInt(bureau[3]), schools);
    int certification = ceil(Integer.parseInt(bureau[4]), schools);
    int onePlusX = ceil(bureau[6].isEmpty() ? 0 : Integer.parseInt(bureau[6]), schools);
    StringBuilder csv = new StringBuilder("学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n");
    for (int s = 1; s <= schools; s++) {
      csv.append(bureau[1]).append("第").append(s).append("职业中等专业学校,").append(training).append(',')
          .append(certification).append(",,").append(onePlusX).append('\n');
      figures.put(String.format("%s-s%02d", city, s),
          Driver.reportFigures(training / 10, certification / 10, 0, onePlusX / 10));
    }
    return csv.toString();
  }

  private static List<Integer> threadCounts(String property, String fallback) {
    String value = System.getProperty(property, fallback).trim();
    return value.isEmpty() ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  private static List<Run> concat(List<Run> a, List<Run> b) {
    List<Run> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int tenth(String quota) {
    return quota.isEmpty() ? 0 : Integer.parseInt(quota) / 10;
  }

  private static int ceil(int total, int parts) {
    return (total + parts - 1) / parts;
  }

  private static String code(String seq) {
    return String.format("u%03d", Integer.parseInt(seq));
  }

  private static String shippedTable() throws IOException {
    try (InputStream in = NationalRoundBenchmark.class.getResourceAsStream("/allocation/allocation-2022.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void header() {
    line("  %-8s %7s %8s %7s %8s %9s %10s %8s %8s %7s %8s", "nodes", "threads", "reports", "tasks", "s", "tasks/s",
        "reports/s", "p50 ms", "p95 ms", "errors", "paper s");
  }

  private void row(String nodes, Run run) {
    line("  %-8s %7d %8d %7d %8.1f %9.2f %10.2f %8.1f %8.1f %7d %8.1f", nodes, run.threads, run.reports.size(),
        run.tasks(), run.wall / 1e9, run.tasksPerSecond(), run.reports.size() / (run.wall / 1e9),
        run.percentileMs(0.5), run.percentileMs(0.95), run.errors, run.paper / 1e9);
  }

  private void write() throws IOException {
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "national-round-benchmark.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    System.out.println("(also written to " + file.toAbsolutePath() + ")");
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** One slice's completions: each completion's time, the reports that ended accepted, the errors. */
  private static final class Run {
    final int threads;
    final int nodes;
    final List<Long> completions = Collections.synchronizedList(new ArrayList<>());
    final List<String> reports = new ArrayList<>();
    long wall;
    long paper;
    int errors;

    Run(int threads, int nodes) {
      this.threads = threads;
      this.nodes = nodes;
    }

    void record(long nanos) {
      completions.add(nanos);
    }

    int tasks() {
      return completions.size();
    }

    double tasksPerSecond() {
      return tasks() / (wall / 1e9);
    }

    double percentileMs(double p) {
      long[] sorted;
      synchronized (completions) {
        sorted = completions.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }
}
