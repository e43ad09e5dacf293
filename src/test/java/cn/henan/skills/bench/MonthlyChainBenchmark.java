package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.administration.ProcessVersions;
import cn.henan.skills.pdf.Scans;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.Indicator;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.report.Progress;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import cn.henan.skills.report.ReportPeriod;
import java.io.IOException;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * One full month for every unit through the Java API, on the embedded PostgreSQL: the shipped 2022 table published
 * for {@value #YEAR} (171 units), each of the 28 city and county bureaus subdividing over 5 or 6 schools (150), March
 * opened by its timers, then all 321 March reports filled, signed and reviewed in both lanes until accepted, each
 * step as the user who does it in Tasklist. Not a timed assertion: it checks only that every report ends accepted,
 * and prints wall times and the JDBC statements per completed task (counted only during the March round).
 *
 * <p>Run with {@code mvn -B -o test -Pbench}; the default build does not run it.
 */
@SkillsHenanTest
@Import(StatementCounting.class)
class MonthlyChainBenchmark {
  static final int YEAR = 2040;
  static final int MONTH = 3;
  /** The first ten bureaus in the table's order get six schools, the other eighteen five: 150 schools. */
  static final int BUREAUS_WITH_SIX_SCHOOLS = 10;
  static final Set<String> BUREAU_KINDS = YearDriver.BUREAU_KINDS;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessVersions versions;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReports reports;
  @Autowired QuotaDistribution quotas;
  @Autowired Progress progress;
  @Autowired ReportDocuments documents;
  @Autowired SqlStatistics sql;
  @Autowired DataSource dataSource;
  private final SqlStatistics rawSql = new SqlStatistics();

  private final StringBuilder out = new StringBuilder();

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void oneMonthForAllUnitsAndSchools() throws IOException, SQLException {
    String table = shippedTable();
    List<String[]> rows = table.lines().skip(1).map(line -> line.split(",", -1)).toList();
    List<String> provincial = rows.stream().map(cells -> code(cells[0])).toList();
    List<String[]> bureaus = rows.stream().filter(cells -> BUREAU_KINDS.contains(cells[2])).toList();
    assertThat(provincial).hasSize(171);
    assertThat(bureaus).hasSize(28);

    // setup: publish, receive, subdivide, schools receive, March opens
    long start = System.nanoTime();
    driver.publishAllocation(YEAR, table);
    long publish = System.nanoTime() - start;
    assertThat(unitYears()).hasSize(171);

    start = System.nanoTime();
    provincial.forEach(this::receiveAnnualTask);
    long receive = System.nanoTime() - start;

    start = System.nanoTime();
    for (int i = 0; i < bureaus.size(); i++) {
      driver.subdivide(YEAR, code(bureaus.get(i)[0]),
          YearDriver.schoolsCsv(bureaus.get(i), i < BUREAUS_WITH_SIX_SCHOOLS ? 6 : 5));
    }
    long subdivision = System.nanoTime() - start;
    Map<String, ProcessInstance> years = unitYears();
    List<String> schools = years.keySet().stream().filter(unit -> !provincial.contains(unit)).sorted().toList();
    assertThat(schools).hasSize(150);

    start = System.nanoTime();
    schools.forEach(this::receiveAnnualTask);
    long schoolsReceive = System.nanoTime() - start;

    start = System.nanoTime();
    driver.moveClockTo(LocalDate.of(YEAR, MONTH, 1), years.values().stream().map(ProcessInstance::getId).toList());
    long open = System.nanoTime() - start;

    List<String> units = new ArrayList<>(provincial);
    units.addAll(schools);
    Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    Map<String, Map<String, Object>> startVariables = new LinkedHashMap<>();
    for (String unit : units) {
      ProcessInstance march = driver.instance(key(unit), "monthly-report");
      assertThat(march).as("March is open for " + unit).isNotNull();
      figures.put(unit, YearDriver.figures(unit, quotas.quotaOf(YEAR, unit).orElseThrow()));
      startVariables.put(unit, runtimeService.getVariables(march.getId()));
    }

    // the March round: every report filled, signed, and accepted in both review lanes
    Map<String, TaskRound> round = new LinkedHashMap<>();
    sql.start();
    start = System.nanoTime();
    round.put("fill", step("fill", units, unit -> unit + "-filer", unit -> unit + "-filer", figures::get));
    round.put("sign", step("sign", units, unit -> unit + "-leader", unit -> unit + "-leader",
        unit -> Map.of("signDecision", "approve"),
        // the PDF is rendered after the signature commits: its job is run here, inside the round's time
        unit -> driver.runAsyncSteps(driver.instance(key(unit), "monthly-report").getId())));
    // the filers print, stamp and scan the signed PDFs: paper work, not the system's, so kept out of the timings
    long paper = System.nanoTime();
    Map<String, byte[]> scans = new LinkedHashMap<>();
    for (String unit : units) {
      scans.put(unit, Scans.scan(documents.latest(key(unit), ReportDocument.Kind.REPORT_PDF).orElseThrow()
          .getContent()));
    }
    paper = System.nanoTime() - paper;
    round.put("upload scan", step("upload scan", units, unit -> unit + "-filer", unit -> unit + "-filer",
        unit -> Map.of("stampedScan", Variables.fileValue("scan.pdf").file(scans.get(unit))
            .mimeType("application/pdf").create())));
    // the province reviews its units (province-edu, province-1x), a city bureau its schools in both lanes
    round.put("review skills", step("review skills", units,
        unit -> city(unit) == null ? "province" : city(unit) + "-filer",
        unit -> city(unit) == null ? "province-edu" : city(unit) + "-filer",
        unit -> Map.of("skillsReviewDecision", "accept")));
    round.put("review 1+X", step("review 1+X", units,
        unit -> city(unit) == null ? "onex" : city(unit) + "-filer",
        unit -> city(unit) == null ? "province-1x" : city(unit) + "-filer",
        unit -> Map.of("onePlusXReviewDecision", "accept")));
    long march = System.nanoTime() - start - paper;
    sql.stop();

    for (String unit : units) {
      assertThat(reports.find(key(unit)).orElseThrow().getStatus()).as(unit).isEqualTo(MonthlyReport.Status.ACCEPTED);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(YEAR + "-03/%").count()).as("every March report has ended").isZero();

    // the same round on a bare engine, in the same run and on the same server (warmed up on 30 reports first)
    List<RawEngineBaseline.Report> raw = RawEngineBaseline.reports(units,
        unit -> city(unit) == null ? List.of(unit + "-filer", unit + "-leader")
            : List.of(unit + "-filer", unit + "-leader", city(unit) + "-filer", city(unit) + "-leader"),
        startVariables::get,
        unit -> Map.of("fill", unit + "-filer", "sign", unit + "-leader", "upload", unit + "-filer",
            "reviewSkills", city(unit) == null ? "province-edu" : city(unit) + "-filer",
            "reviewOnePlusX", city(unit) == null ? "province-1x" : city(unit) + "-filer"),
        unit -> Map.of("fill", unit + "-filer", "sign", unit + "-leader", "upload", unit + "-filer",
            "reviewSkills", city(unit) == null ? "province" : city(unit) + "-filer",
            "reviewOnePlusX", city(unit) == null ? "onex" : city(unit) + "-filer"),
        unit -> Map.of("fill", figures.get(unit), "sign", Map.of("signDecision", "approve"),
            "upload", Map.of("stampedScan", Variables.fileValue("scan.pdf").file(scans.get(unit))
                .mimeType("application/pdf").create()),
            "reviewSkills", Map.of("skillsReviewDecision", "accept"),
            "reviewOnePlusX", Map.of("onePlusXReviewDecision", "accept")));
    Map<String, TaskRound> rawRound = new LinkedHashMap<>();
    long rawMarch;
    try (RawEngineBaseline engine = new RawEngineBaseline(dataSource, rawSql)) {
      engine.open("warm-up/", raw.subList(0, 30));
      RawEngineBaseline.kinds().forEach(kind -> engine.step(kind, "warm-up/", raw.subList(0, 30)));
      engine.open(YEAR + "-03/", raw);
      rawSql.start();
      start = System.nanoTime();
      for (String kind : RawEngineBaseline.kinds()) {
        rawRound.put(kind, engine.step(kind, YEAR + "-03/", raw));
      }
      rawMarch = System.nanoTime() - start;
      rawSql.stop();
      assertThat(engine.runningInstances()).as("every raw report has ended").isZero();
    }

    // what /api/progress reads for the province: every unit with its schools, and the totals
    sql.phase("progress overview");
    sql.start();
    start = System.nanoTime();
    Progress.Overview overview = progress.overview(ReportPeriod.of(YEAR, MONTH), unit -> true);
    long overviewTime = System.nanoTime() - start;
    sql.stop();
    assertThat(overview.units()).hasSize(171);
    assertThat(overview.totals().get(Indicator.TRAINING).cumulative())
        .isEqualTo(figures.values().stream().mapToLong(f -> (Long) f.get("trainingMonth")).sum());

    // April: nobody files. Its reminder and deadline timers come due for every report at once and run on four
    // threads, as the job executor runs them; each supervisor must end up with exactly one escalation.
    driver.moveClockTo(LocalDate.of(YEAR, 4, 1), years.values().stream().map(ProcessInstance::getId).toList());
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(YEAR, 5, 1, 8, 0).atZone(Driver.BEIJING).toInstant()));
    List<String> april = runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(YEAR + "-04/%").list().stream().map(ProcessInstance::getId).toList();
    assertThat(april).hasSize(units.size());
    start = System.nanoTime();
    driver.runJobsOnFourThreads(april);
    long aprilDeadline = System.nanoTime() - start;
    Map<String, Object> listed = new HashMap<>();
    for (ProcessInstance escalation : runtimeService.createProcessInstanceQuery().processDefinitionKey("late-reports")
        .processInstanceBusinessKeyLike(YEAR + "-04/%").list()) {
      listed.put(escalation.getBusinessKey(), runtimeService.getVariable(escalation.getId(), "lateUnitCount"));
    }
    assertThat(listed).as("one per supervisor").hasSize(1 + bureaus.size())
        .containsEntry(YEAR + "-04/province-edu", 171);
    assertThat(listed.values().stream().mapToInt(n -> (Integer) n).sum()).isEqualTo(units.size());

    // the process administrator raises the reminder to 5 days and moves the 321 running April reports to that version
    String model = new String(shipped("bpmn/monthly-report.bpmn"), StandardCharsets.UTF_8)
        .replace("beforeDue(execution, 'P3D')", "beforeDue(execution, 'P5D')");
    driver.as("admin", () -> repositoryService.createDeployment().name("reminder five days")
        .addString("monthly-report.bpmn", model)
        .addInputStream("monthly-report-upload.html", new java.io.ByteArrayInputStream(
            shipped("forms/monthly-report-upload.html"))).deploy());
    sql.phase("migrate");
    sql.start();
    start = System.nanoTime();
    ProcessVersions.Migration migration = driver.as("admin", () -> versions.migrateToLatest("monthly-report"));
    long migrate = System.nanoTime() - start;
    sql.stop();
    assertThat(migration.moved()).isEqualTo(units.size());
    assertThat(migration.notMoved()).isEmpty();

    print(units.size(), schools.size(), bureaus.size(), publish, receive, subdivision, schoolsReceive, open, march,
        round, overviewTime);
    printBaseline(units.size(), march, round, rawMarch, rawRound);
    line("");
    line("April deadline, nobody filed: reminder + mark late + escalation for %d reports (%d timer jobs) on 4 threads",
        units.size(), 2 * units.size());
    line("  wall time %8.1f s  (%.0f ms per report); escalations opened: %d (province-edu lists 171 units, each bureau"
        + " its schools)", aprilDeadline / 1e9, aprilDeadline / 1e6 / units.size(), listed.size());
    line("");
    line("Migration of the %d running April reports to a new version of monthly-report (reminder 5 days before due)",
        migration.moved());
    SqlStatistics.Counts migrated = sql.counts("migrate");
    line("  wall time %8.1f s  (%.1f ms per report), %.1f statements per report", migrate / 1e9,
        migrate / 1e6 / migration.moved(), migrated.statements() / (double) migration.moved());
    write();
  }

  /** One kind of task for every unit: found as Tasklist finds it, then claimed and completed as {@code user}. */
  private TaskRound step(String kind, List<String> units, Function<String, String> user,
      Function<String, String> group, Function<String, Map<String, Object>> variables) {
    return step(kind, units, user, group, variables, unit -> { });
  }

  /** As above; {@code afterwards} runs after each completion (in the kind's wall time, not in the completion's). */
  private TaskRound step(String kind, List<String> units, Function<String, String> user,
      Function<String, String> group, Function<String, Map<String, Object>> variables,
      java.util.function.Consumer<String> afterwards) {
    TaskRound round = new TaskRound(kind, units.size());
    long start = System.nanoTime();
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      sql.phase("find: " + kind);
      Task task = find(kind, unit, group.apply(unit));
      sql.phase(kind);
      long t = System.nanoTime();
      driver.complete(user.apply(unit), task, variables.apply(unit));
      round.completions()[i] = System.nanoTime() - t;
      afterwards.accept(unit);
    }
    round.wall = System.nanoTime() - start;
    sql.phase("other");
    return round;
  }

  private Task find(String kind, String unit, String group) {
    return YearDriver.findTask(taskService, driver, kind, key(unit), unit, group);
  }

  private void receiveAnnualTask(String unit) {
    YearDriver.receiveAnnualTask(driver, YEAR, unit);
  }



  private Map<String, ProcessInstance> unitYears() {
    Map<String, ProcessInstance> byUnit = new LinkedHashMap<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list()
        .forEach(instance -> byUnit.put(instance.getBusinessKey().substring(5), instance));
    return byUnit;
  }

  private static String city(String unit) {
    return YearDriver.city(unit);
  }

  private static String key(String unit) {
    return String.format("%d-%02d/%s", YEAR, MONTH, unit);
  }

  private static String code(String seq) {
    return YearDriver.code(seq);
  }

  private static byte[] shipped(String resource) {
    return YearDriver.shipped(resource);
  }

  private static String shippedTable() {
    return YearDriver.shippedTable();
  }

  private void print(int units, int schools, int bureaus, long publish, long receive, long subdivision,
      long schoolsReceive, long open, long march, Map<String, TaskRound> round, long overviewTime) {
    line("=== MonthlyChainBenchmark: one month (%d-%02d) for every unit, embedded PostgreSQL ===", YEAR, MONTH);
    line("units: %d (171 provincial + %d schools of %d bureaus); reports: %d; tasks completed: %d", units, schools,
        bureaus, units, round.size() * units);
    line("");
    line("setup (not counted in the round)");
    line("  publish the 171-unit table (import, approve, start 171 unit-years)  %8.1f s", publish / 1e9);
    line("  171 units receive their annual task                                %8.1f s", receive / 1e9);
    line("  %d bureaus subdivide over %d schools (upload, approve, publish)      %8.1f s  (%.0f ms per bureau)",
        bureaus, schools, subdivision / 1e9, subdivision / 1e6 / bureaus);
    line("  %d schools receive their annual task                               %8.1f s", schools,
        schoolsReceive / 1e9);
    line("  open March: clock to %d-03-01, fire %d timers                       %8.1f s", YEAR, units, open / 1e9);
    line("");
    line("March round: fill -> sign -> upload scan -> review skills + review 1+X -> accepted, as the users who do them");
    line("  total wall time       %8.1f s", march / 1e9);
    line("  mean per report       %8.1f ms  (%d reports)", march / 1e6 / units, units);
    line("  mean per task         %8.1f ms  (%d tasks, find + claim + complete)", march / 1e6 / ((double) round.size() * units),
        round.size() * units);
    line("");
    line("  %-14s %8s %10s %10s %10s %10s", "task", "wall s", "mean ms", "p50 ms", "p95 ms", "max ms");
    for (TaskRound r : round.values()) {
      line("  %-14s %8.1f %10.1f %10.1f %10.1f %10.1f", r.kind, r.wall / 1e9, r.wall / 1e6 / units,
          r.percentileMs(0.5), r.percentileMs(0.95), r.percentileMs(1.0));
    }
    line("  (mean = wall / reports incl. finding the task; p50/p95/max = Driver.complete alone: claim + complete)");
    line("");
    line("JDBC statements during the March round (batched statements counted one by one; round trips = execute calls)");
    line("  %-20s %10s %10s %8s %8s %8s %8s %10s", "per completed task", "statements", "round trips", "selects",
        "writes", "commits", "conns", "total");
    long total = 0;
    long findTotal = 0;
    for (TaskRound r : round.values()) {
      SqlStatistics.Counts done = sql.counts(r.kind);
      SqlStatistics.Counts find = sql.counts("find: " + r.kind);
      total += done.statements();
      findTotal += find.statements();
      row(r.kind, done, units);
      row("  finding it", find, units);
    }
    line("  %-20s %10.1f  (completion only; %.1f with finding the task)", "all tasks", total / ((double) round.size() * units),
        (total + findTotal) / ((double) round.size() * units));
    line("  per accepted report  %10.1f  (completion only; %.1f with finding the tasks)", total / (double) units,
        (total + findTotal) / (double) units);
    line("");
    line("  statements per completed task by table area (history = act_hi_*, authz = act_ru_authorization,"
        + " runtime = other act_ru_*, domain = the application's tables)");
    List<String> areas = List.of("runtime", "history", "authz", "identity", "repository", "domain");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-20s", "task"));
    areas.forEach(a -> header.append(String.format(Locale.ROOT, " %10s", a)));
    line("%s", header);
    for (TaskRound r : round.values()) {
      Map<String, Long> byArea = new HashMap<>();
      sql.counts(r.kind).bySql.forEach((statement, n) -> byArea.merge(
          SqlStatistics.area(SqlStatistics.table(statement)), n.sum(), Long::sum));
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-20s", r.kind));
      areas.forEach(a -> row.append(String.format(Locale.ROOT, " %10.1f", byArea.getOrDefault(a, 0L) / (double) units)));
      line("%s", row);
    }
    SqlStatistics.Counts overview = sql.counts("progress overview");
    line("  progress overview of %d-%02d for the province (what GET /api/progress reads; 171 units, %d schools):"
        + " %d statements, %.0f ms", YEAR, MONTH, schools, overview.statements(), overviewTime / 1e6);
    for (TaskRound r : round.values()) {
      SqlStatistics.Counts done = sql.counts(r.kind);
      line("");
      line("  %s: statements per task by engine command (execute / flush at its end) · application code", r.kind);
      for (Map.Entry<String, Long> e : done.top(done.byOrigin, 16)) {
        line("    %6.2f  %s", e.getValue() / (double) units, e.getKey());
      }
      Map<String, Long> byTable = new HashMap<>();
      done.bySql.forEach((statement, n) -> byTable.merge(SqlStatistics.table(statement), n.sum(), Long::sum));
      line("  %s: statements per task by table", r.kind);
      byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
          .forEach(e -> line("    %6.2f  %s", e.getValue() / (double) units, e.getKey()));
      line("  %s: most frequent statements per task", r.kind);
      for (Map.Entry<String, Long> e : done.top(done.bySql, 15)) {
        line("    %6.2f  %s", e.getValue() / (double) units, SqlStatistics.shorten(e.getKey(), 150));
      }
    }
  }

  /** The application's round beside the bare engine's, task by task, as ratios (time includes finding the task). */
  private void printBaseline(int units, long march, Map<String, TaskRound> round, long rawMarch,
      Map<String, TaskRound> rawRound) {
    line("");
    line("Beside the bare engine (RawEngineBaseline: same server, same five user tasks, candidate groups, start");
    line("variables, task variables and READ grants; no forms, domain, PDF or scan check), same run");
    line("  %-14s %9s %9s %7s %11s %11s %7s", "task", "app ms", "raw ms", "ratio", "app stmts", "raw stmts", "ratio");
    List<TaskRound> app = List.copyOf(round.values());
    List<TaskRound> bare = List.copyOf(rawRound.values());
    long appStatements = 0;
    long rawStatements = 0;
    for (int i = 0; i < app.size(); i++) {
      TaskRound a = app.get(i);
      TaskRound r = bare.get(i);
      long as = sql.counts(a.kind).statements() + sql.counts("find: " + a.kind).statements();
      long rs = rawSql.counts(r.kind).statements() + rawSql.counts("find: " + r.kind).statements();
      appStatements += as;
      rawStatements += rs;
      line("  %-14s %9.1f %9.1f %7.2f %11.1f %11.1f %7.2f", a.kind, a.wall / 1e6 / units, r.wall / 1e6 / units,
          a.wall / (double) r.wall, as / (double) units, rs / (double) units, as / (double) rs);
    }
    int tasks = app.size() * units;
    line("  %-14s %9.1f %9.1f %7.2f %11.1f %11.1f %7.2f", "March round", march / 1e6 / tasks, rawMarch / 1e6 / tasks,
        march / (double) rawMarch, appStatements / (double) tasks, rawStatements / (double) tasks,
        appStatements / (double) rawStatements);
    line("  (ms and statements per task: find + claim + complete; the round's wall %.1f s vs %.1f s)", march / 1e9,
        rawMarch / 1e9);
  }

  private void write() throws IOException {
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "monthly-chain-benchmark.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    System.out.println("(also written to " + file.toAbsolutePath() + ")");
  }

  private void row(String label, SqlStatistics.Counts c, int units) {
    line("  %-20s %10.1f %10.1f %8.1f %8.1f %8.1f %8.1f %10d", label, c.statements() / (double) units,
        c.roundTrips.sum() / (double) units, c.selects.sum() / (double) units, c.writes.sum() / (double) units,
        c.commits.sum() / (double) units, c.connections.sum() / (double) units, c.statements());
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
