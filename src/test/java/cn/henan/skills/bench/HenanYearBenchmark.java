package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Issue 15's "Henan year": one whole year of the shipped table ({@link YearDriver}: 171 units, 28 bureaus subdividing
 * over {@code schoolsPerBureau} schools, March..December, returns, late units, deadlines, circulations) and, in the
 * same run on the same server, the bare engine ({@link RawEngineBaseline}) taking the same reports through the same
 * five user tasks for the same months. Prints wall time, tasks a second, statements per task, database size, rows and
 * heap, each beside the bare engine where it has one. Asserts behaviour only.
 *
 * <p>{@code mvn -B -ntp -o test -Pbench -Dtest=HenanYearBenchmark -Dkeycloak-tests.skip=true}, with
 * {@code -Dhenan-year.months=10 -Dhenan-year.schools-per-bureau=5} (the defaults) to change the size.
 */
@SkillsHenanTest
@Import(StatementCounting.class)
class HenanYearBenchmark {
  static final int YEAR = 2070;

  @Autowired ApplicationContext context;
  @Autowired SqlStatistics sql;
  @Autowired DataSource dataSource;
  @Autowired IdentityService identityService;
  private final SqlStatistics rawSql = new SqlStatistics();
  private final StringBuilder out = new StringBuilder();

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void oneYearBesideTheBareEngine() throws IOException, SQLException {
    YearDriver.Options options = new YearDriver.Options(YEAR, Integer.getInteger("henan-year.months", 10),
        Integer.getInteger("henan-year.schools-per-bureau", 5), Integer.getInteger("henan-year.late-units", 5),
        Integer.getInteger("henan-year.return-every", 20));
    String started = Instant.now().toString();
    String loadBefore = load();
    YearDriver.Rows before = YearDriver.Rows.of(dataSource);
    YearDriver.Year year;
    long peak;
    long live;
    try (HeapWatch heap = new HeapWatch()) {
      sql.start();
      year = new YearDriver(context, sql).run(options, (y, m) -> { });
      sql.stop();
      peak = heap.peak();
      live = heap.maxAfterGc();
    }
    YearDriver.Rows after = YearDriver.Rows.of(dataSource);
    int returned = year.returned();
    assertThat(year.circulations).isEqualTo(options.months());
    assertThat(year.late()).isEqualTo(options.months() * options.lateUnitsPerMonth());
    assertThat(year.tallies.get("fill").count).as("every report filled once, the returned ones twice")
        .isEqualTo(year.reports() + returned);
    assertThat(year.tallies.get("review skills").count).isEqualTo(year.reports() + returned);
    assertThat(year.tallies.get("review 1+X").count).isEqualTo(year.reports());

    // the bare engine: the same reports through the same five tasks, month by month; a returned report is a second
    // instance of the five (the app's return is one skills review plus five tasks again, its 1+X review cancelled)
    Map<String, YearDriver.Tally> raw = new LinkedHashMap<>();
    RawEngineBaseline.kinds().forEach(kind -> raw.put(kind, new YearDriver.Tally(kind)));
    List<RawEngineBaseline.Report> rawReports = rawReports(year);
    long rawWall;
    try (RawEngineBaseline engine = new RawEngineBaseline(dataSource, rawSql)) {
      engine.open("warm-up/", rawReports.subList(0, 30));
      RawEngineBaseline.kinds().forEach(kind -> engine.step(kind, "warm-up/", rawReports.subList(0, 30)));
      rawSql.start();
      long start = System.nanoTime();
      for (int month = options.firstMonth(); month <= options.lastMonth(); month++) {
        List<String> returnedUnits = year.returnedByMonth.get(month);
        round(engine, String.format("%d-%02d/", YEAR, month), rawReports, raw);
        round(engine, String.format("%d-%02d-r/", YEAR, month),
            rawReports.stream().filter(r -> returnedUnits.contains(r.unit())).toList(), raw);
      }
      rawWall = System.nanoTime() - start;
      rawSql.stop();
      assertThat(engine.runningInstances()).as("every raw report has ended").isZero();
    }
    print(year, started, loadBefore, before, after, peak, live, raw, rawWall);
  }

  private void round(RawEngineBaseline engine, String prefix, List<RawEngineBaseline.Report> reports,
      Map<String, YearDriver.Tally> raw) {
    if (reports.isEmpty()) {
      return;
    }
    engine.open(prefix, reports);
    for (String kind : RawEngineBaseline.kinds()) {
      TaskRound round = engine.step(kind, prefix, reports);
      YearDriver.Tally tally = raw.get(kind);
      tally.wall += round.wall;
      for (long completion : round.completions()) {
        tally.add(completion);
      }
    }
  }

  /** The raw engine's reports: the app's units, groups, users, start variables and task variables. */
  static List<RawEngineBaseline.Report> rawReports(YearDriver.Year year) {
    byte[] scan = year.sampleScan;
    return RawEngineBaseline.reports(year.units,
        unit -> YearDriver.city(unit) == null ? List.of(unit + "-filer", unit + "-leader")
            : List.of(unit + "-filer", unit + "-leader", YearDriver.city(unit) + "-filer",
                YearDriver.city(unit) + "-leader"),
        year.startVariables::get,
        unit -> Map.of("fill", unit + "-filer", "sign", unit + "-leader", "upload", unit + "-filer",
            "reviewSkills", YearDriver.skillsGroup(unit), "reviewOnePlusX", YearDriver.onePlusXGroup(unit)),
        unit -> Map.of("fill", unit + "-filer", "sign", unit + "-leader", "upload", unit + "-filer",
            "reviewSkills", YearDriver.skillsReviewer(unit), "reviewOnePlusX", YearDriver.onePlusXReviewer(unit)),
        unit -> Map.of("fill", year.figures.get(unit), "sign", Map.of("signDecision", "approve"),
            "upload", Map.of("stampedScan", YearDriver.scanValue(scan)),
            "reviewSkills", Map.of("skillsReviewDecision", "accept"),
            "reviewOnePlusX", Map.of("onePlusXReviewDecision", "accept")));
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private void print(YearDriver.Year year, String started, String loadBefore, YearDriver.Rows before,
      YearDriver.Rows after, long peak, long live, Map<String, YearDriver.Tally> raw, long rawWall) throws IOException {
    YearDriver.Options o = year.options;
    int y = o.year();
    line("=== HenanYearBenchmark: the Henan year %d (%d months from March), embedded PostgreSQL ===", y, o.months());
    line("started %s; load average at start %s, at end %s", started, loadBefore, load());
    line("units: %d (171 provincial + %d schools: 28 bureaus × %d); reports: %d (%d a month)", year.units.size(),
        year.schools.size(), o.schoolsPerBureau(), year.reports(), year.units.size());
    line("returned by the skills review and refiled: %d (every %dth on-time report); filed late: %d (%d a month):"
        + " reminded %d, marked late %d, escalations opened and closed %d", year.returned(), o.returnEvery(),
        year.late(), o.lateUnitsPerMonth(), year.reminded, year.late(), year.escalations);
    line("circulations started by the schedule, named the late units, approved, acknowledged: %d (%d acknowledgements,"
        + " %d chased after 7 days); schedule timer runs %d", year.circulations, year.acknowledgements, year.chases,
        year.scheduleRuns);
    line("every report of every month ended accepted; late marks exactly on the late units; unit-years closed: %s",
        o.lastMonth() == 12 ? "yes" : "no (not December)");
    line("");
    line("setup (publish, 171 receive, 28 subdivide, %d schools receive; not in the year's figures)  %8.1f s",
        year.schools.size(), year.setup / 1e9);
    line("paper (scans generated from the signed PDFs; kept out of every figure)                    %8.1f s",
        year.paper / 1e9);
    line("");
    long tasks = year.reportTasks();
    long statements = 0;
    line("  %-14s %8s %9s %9s %8s %8s %10s %9s", "work", "tasks", "wall s", "ms/task", "p50 ms", "p95 ms", "stmts/task",
        "tasks/s");
    for (String kind : YearDriver.KINDS) {
      YearDriver.Tally t = year.tallies.get(kind);
      long s = sql.counts(y + " " + kind).statements();
      statements += s;
      line("  %-14s %8d %9.1f %9.1f %8.1f %8.1f %10.1f %9.1f", kind, t.count, t.wall / 1e9, t.wall / 1e6 / t.count,
          t.percentileMs(0.5), t.percentileMs(0.95), s / (double) t.count, t.count / (t.wall / 1e9));
    }
    line("  %-14s %8d %9.1f %9.1f %8s %8s %10.1f %9.1f", "report tasks", tasks, year.reportWall() / 1e9,
        year.reportWall() / 1e6 / tasks, "", "", statements / (double) tasks, tasks / (year.reportWall() / 1e9));
    long otherStatements = 0;
    for (String kind : YearDriver.OTHER) {
      YearDriver.Tally t = year.tallies.get(kind);
      long s = sql.counts(y + " " + kind).statements();
      otherStatements += s;
      line("  %-14s %8s %9.1f %9s %8s %8s %10s  (%d statements; %s)", kind, "", t.wall / 1e9, "", "", "", "", s,
          kind.equals("timers") ? "months opened, reminders, deadlines, escalations"
              : "schedule, draft, approve, acknowledge, chase");
    }
    long wall = year.reportWall() + year.otherWall();
    line("  %-14s %8d %9.1f %9.1f %8s %8s %10.1f %9.1f  (the year: report tasks + timers + circulations)", "year",
        tasks, wall / 1e9, wall / 1e6 / tasks, "", "", (statements + otherStatements) / (double) tasks,
        tasks / (wall / 1e9));
    line("");
    line("database: %.1f MB before, %.1f MB after (+%.1f MB; %.1f KB per report)", before.databaseBytes() / 1e6,
        after.databaseBytes() / 1e6, (after.databaseBytes() - before.databaseBytes()) / 1e6,
        (after.databaseBytes() - before.databaseBytes()) / 1e3 / year.reports());
    line("rows after (before): act_ru_authorization %d (%d); act_hi_* %d (%d); act_ge_bytearray %d (%d); domain %d (%d)",
        after.authorizations(), before.authorizations(), after.history(), before.history(), after.bytearray(),
        before.bytearray(), after.domain(), before.domain());
    line("  biggest history tables: %s", YearDriver.Rows.biggest(after.historyTables(), 6));
    line("  biggest domain tables:  %s", YearDriver.Rows.biggest(after.domainTables(), 6));
    line("  biggest tables in MB (with TOAST and indexes): %s", YearDriver.Rows.biggest(after.megabytes(), 6));
    line("heap through the year: peak of the heap pools %d MB (garbage included), most left after a collection %d MB;"
        + " Runtime.maxMemory %d MB", peak >> 20, live >> 20, HeapWatch.max() >> 20);
    line("");
    line("Beside the bare engine (RawEngineBaseline: same server, same reports, five user tasks, candidate groups, start");
    line("variables, task variables, READ grants; a returned report runs the five again; no timers, circulations,");
    line("forms, domain, PDF or scan check), same run");
    line("  %-14s %8s %8s %9s %9s %7s %10s %10s %7s", "task", "app n", "raw n", "app ms", "raw ms", "ratio",
        "app stmts", "raw stmts", "ratio");
    List<String> rawKinds = RawEngineBaseline.kinds();
    long rawTasks = 0;
    long rawStatements = 0;
    for (int i = 0; i < YearDriver.KINDS.size(); i++) {
      YearDriver.Tally a = year.tallies.get(YearDriver.KINDS.get(i));
      YearDriver.Tally r = raw.get(rawKinds.get(i));
      long as = sql.counts(y + " " + a.kind).statements();
      long rs = rawSql.counts(r.kind).statements() + rawSql.counts("find: " + r.kind).statements();
      rawTasks += r.count;
      rawStatements += rs;
      double appMs = a.wall / 1e6 / a.count;
      double rawMs = r.wall / 1e6 / r.count;
      line("  %-14s %8d %8d %9.1f %9.1f %7.2f %10.1f %10.1f %7.2f", a.kind, a.count, r.count, appMs, rawMs,
          appMs / rawMs, as / (double) a.count, rs / (double) r.count, (as / (double) a.count) / (rs / (double) r.count));
    }
    double appMs = year.reportWall() / 1e6 / tasks;
    double rawMs = rawWall / 1e6 / rawTasks;
    line("  %-14s %8d %8d %9.1f %9.1f %7.2f %10.1f %10.1f %7.2f", "report tasks", tasks, rawTasks, appMs, rawMs,
        appMs / rawMs, statements / (double) tasks, rawStatements / (double) rawTasks,
        (statements / (double) tasks) / (rawStatements / (double) rawTasks));
    double yearMs = wall / 1e6 / tasks;
    line("  %-14s %8d %8d %9.1f %9.1f %7.2f %10.1f %10.1f %7.2f  (app: with timers and circulations)", "year", tasks,
        rawTasks, yearMs, rawMs, yearMs / rawMs, (statements + otherStatements) / (double) tasks,
        rawStatements / (double) rawTasks, ((statements + otherStatements) / (double) tasks)
            / (rawStatements / (double) rawTasks));
    line("  tasks/s: app %.1f (report tasks) / %.1f (year), raw %.1f; wall: app %.1f s (year), raw %.1f s", tasks
        / (year.reportWall() / 1e9), tasks / (wall / 1e9), rawTasks / (rawWall / 1e9), wall / 1e9, rawWall / 1e9);
    line("  (ms and statements per task: find + claim + complete; the app's sign includes its PDF job)");
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "henan-year.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
