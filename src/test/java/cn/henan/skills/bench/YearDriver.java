package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.pdf.Scans;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationContext;

/**
 * Plays a whole year of the shipped 2022 table through the Java API as its users would in Tasklist, for the year
 * benchmarks: publication, the 171 units receive their task, the 28 bureaus subdivide over {@code schoolsPerBureau}
 * schools each, the schools receive theirs; then each month from March: the clock moves to the 1st (the unit-years'
 * timers open the month), every report is filled, signed (the PDF's job run), its stamped scan uploaded and reviewed in
 * both lanes; every {@code returnEvery}-th report is returned by its skills review and refiled. A few units each month
 * file only after the deadline: the clock passes the reminder and the deadline of their reports, which marks them late
 * and opens their supervisors' escalations, which close by themselves once those units have filed. On the 5th of the
 * next month the circulation schedule's timer starts the circulation of the month; province-edu names the late units,
 * the province's leader approves, the named units' leaders acknowledge — the last one only after the clock has passed
 * the acknowledgement's reminder and escalation, and province-edu has chased it. Everything is asserted (every report
 * accepted, the returned ones refiled, the late marks and escalations, the circulations closed); nothing is timed
 * against a limit. Statements are counted per year and kind of work ({@link SqlStatistics} phases "YEAR kind").
 */
final class YearDriver {
  static final Set<String> BUREAU_KINDS = Set.of("prefecture_city", "demonstration_zone", "county_city");
  /** The five user tasks of a report, in the order a report goes through them. */
  static final List<String> KINDS = List.of("fill", "sign", "upload scan", "review skills", "review 1+X");
  /** The work beside the reports' tasks, each timed and counted on its own. */
  static final List<String> OTHER = List.of("timers", "circulation");

  /** What one year is made of. */
  record Options(int year, int months, int schoolsPerBureau, int lateUnitsPerMonth, int returnEvery) {
    int firstMonth() {
      return 3;
    }

    int lastMonth() {
      return firstMonth() + months - 1;
    }
  }

  /** One kind of work over a year: how many tasks (or timer rounds), the time, the time of each completion. */
  static final class Tally {
    final String kind;
    long count;
    long wall;
    private long[] completions = new long[1024];

    Tally(String kind) {
      this.kind = kind;
    }

    void add(long completion) {
      if (count == completions.length) {
        completions = Arrays.copyOf(completions, completions.length * 2);
      }
      completions[(int) count++] = completion;
    }

    double percentileMs(double p) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(completions, (int) count);
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }

  /** What happened in a year, for the tables and the assertions. */
  static final class Year {
    final Options options;
    final List<String> provincial = new ArrayList<>();
    final List<String> schools = new ArrayList<>();
    final List<String> units = new ArrayList<>();
    final Map<String, Tally> tallies = new LinkedHashMap<>();
    final Map<Integer, List<String>> lateByMonth = new TreeMap<>();
    final Map<Integer, List<String>> returnedByMonth = new TreeMap<>();
    /** Start variables of each unit's first report, for the bare engine beside it. */
    final Map<String, Map<String, Object>> startVariables = new HashMap<>();
    final Map<String, Map<String, Object>> figures = new HashMap<>();
    /** One unit's stamped scan, for the bare engine's upload (the same kind of file variable, the same size). */
    byte[] sampleScan;
    long setup;
    long paper;
    int escalations;
    int reminded;
    int circulations;
    int acknowledgements;
    int chases;
    int scheduleRuns;

    Year(Options options) {
      this.options = options;
      KINDS.forEach(kind -> tallies.put(kind, new Tally(kind)));
      OTHER.forEach(kind -> tallies.put(kind, new Tally(kind)));
    }

    long reportTasks() {
      return KINDS.stream().mapToLong(kind -> tallies.get(kind).count).sum();
    }

    long reportWall() {
      return KINDS.stream().mapToLong(kind -> tallies.get(kind).wall).sum();
    }

    long otherWall() {
      return OTHER.stream().mapToLong(kind -> tallies.get(kind).wall).sum();
    }

    int reports() {
      return units.size() * options.months();
    }

    int returned() {
      return returnedByMonth.values().stream().mapToInt(List::size).sum();
    }

    int late() {
      return lateByMonth.values().stream().mapToInt(List::size).sum();
    }
  }

  /** Called when a month's on-time reports all wait for their reviews (so the reviewers' task lists are full). */
  interface ReviewsOpen {
    void at(int year, int month);
  }

  private final Driver driver;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final MonthlyReports reports;
  private final QuotaDistribution quotas;
  private final ReportDocuments documents;
  private final SqlStatistics sql;

  YearDriver(ApplicationContext context, SqlStatistics sql) {
    this.driver = context.getBean(Driver.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.taskService = context.getBean(TaskService.class);
    this.reports = context.getBean(MonthlyReports.class);
    this.quotas = context.getBean(QuotaDistribution.class);
    this.documents = context.getBean(ReportDocuments.class);
    this.sql = sql;
  }

  /** The whole year; {@code reviewsOpen} is called in the last month once its on-time reports await review. */
  Year run(Options options, ReviewsOpen reviewsOpen) {
    Year year = new Year(options);
    setUp(year);
    for (int month = options.firstMonth(); month <= options.lastMonth(); month++) {
      month(year, month, month == options.lastMonth() ? reviewsOpen : (y, m) -> { });
      if (month > options.firstMonth()) {
        // the circulation of last month, on the 5th and 13th of this one (run here, after this month's round)
        circulate(year, month - 1);
      }
      deadline(year, month);
    }
    circulate(year, options.lastMonth());
    if (options.lastMonth() == 12) {
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
          .processInstanceBusinessKeyLike(options.year() + "/%").count())
          .as("December accepted: every unit-year has closed with its year-end result").isZero();
    }
    return year;
  }

  /** Publication, receipt, subdivision, the schools' receipt: not counted in the rounds. */
  private void setUp(Year year) {
    int y = year.options.year();
    sql.phase(y + " setup");
    long start = System.nanoTime();
    String table = shippedTable();
    List<String[]> rows = table.lines().skip(1).map(line -> line.split(",", -1)).toList();
    rows.forEach(cells -> year.provincial.add(code(cells[0])));
    List<String[]> bureaus = rows.stream().filter(cells -> BUREAU_KINDS.contains(cells[2])).toList();
    assertThat(year.provincial).hasSize(171);
    assertThat(bureaus).hasSize(28);
    driver.publishAllocation(y, table);
    year.provincial.forEach(unit -> receiveAnnualTask(driver, y, unit));
    bureaus.forEach(bureau -> driver.subdivide(y, code(bureau[0]), schoolsCsv(bureau, year.options.schoolsPerBureau())));
    unitYears(y).keySet().stream().filter(unit -> !year.provincial.contains(unit)).sorted().forEach(year.schools::add);
    assertThat(year.schools).hasSize(28 * year.options.schoolsPerBureau());
    year.schools.forEach(unit -> receiveAnnualTask(driver, y, unit));
    year.units.addAll(year.provincial);
    year.units.addAll(year.schools);
    for (String unit : year.units) {
      year.figures.put(unit, figures(unit, quotas.quotaOf(y, unit).orElseThrow()));
    }
    year.setup = System.nanoTime() - start;
    sql.phase("other");
  }

  /** The month opens; the on-time units file (some returned and refiled); the late ones wait. */
  private void month(Year year, int month, ReviewsOpen reviewsOpen) {
    int y = year.options.year();
    String prefix = String.format("%d-%02d/", y, month);
    timed(year, "timers", () -> driver.moveClockTo(LocalDate.of(y, month, 1),
        unitYears(y).values().stream().map(ProcessInstance::getId).toList()));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(prefix + "%").count()).as("the month opened for every unit")
        .isEqualTo(year.units.size());
    if (year.startVariables.isEmpty()) {
      year.units.forEach(unit -> year.startVariables.put(unit,
          runtimeService.getVariables(driver.instance(prefix + unit, "monthly-report").getId())));
    }
    List<String> late = lateUnits(year.units, month, year.options.lateUnitsPerMonth());
    List<String> onTime = year.units.stream().filter(unit -> !late.contains(unit)).toList();
    List<String> returned = new ArrayList<>();
    for (int i = 0; i < onTime.size(); i++) {
      if ((i + month) % year.options.returnEvery() == 0) {
        returned.add(onTime.get(i));
      }
    }
    year.lateByMonth.put(month, late);
    year.returnedByMonth.put(month, returned);
    file(year, month, onTime, returned, reviewsOpen);
  }

  /**
   * The late units' reports: the reminder three days before the 30th, then the deadline (marked late, listed in the
   * supervisor's escalation), then they file; their escalations close by themselves; the month ends accepted.
   */
  private void deadline(Year year, int month) {
    int y = year.options.year();
    String prefix = String.format("%d-%02d/", y, month);
    List<String> late = year.lateByMonth.get(month);
    List<String> instances = late.stream().map(unit -> driver.instance(prefix + unit, "monthly-report").getId())
        .toList();
    timed(year, "timers", () -> driver.moveClockTo(LocalDate.of(y, month, 28), instances));
    for (String unit : late) {
      Task fill = driver.task(prefix + unit, unit + "-filer");
      assertThat(fill.getFollowUpDate()).as("reminded: " + unit).isNotNull();
      year.reminded++;
    }
    YearMonth next = YearMonth.of(y, month).plusMonths(1);
    timed(year, "timers", () -> driver.moveClockTo(next.atDay(1), instances));
    Set<String> supervisors = new LinkedHashSet<>();
    for (String unit : late) {
      assertThat(reports.find(prefix + unit).orElseThrow().isLate()).as("late: " + unit).isTrue();
      supervisors.add(prefix + (city(unit) == null ? "province-edu" : city(unit) + "-schools"));
    }
    for (String escalation : supervisors) {
      assertThat(driver.instance(escalation, "late-reports")).as("escalation " + escalation).isNotNull();
    }
    year.escalations += supervisors.size();
    file(year, month, late, List.of(), (a, b) -> { });
    for (String escalation : supervisors) {
      assertThat(driver.instance(escalation, "late-reports")).as("every late unit filed: " + escalation
          + " closed by itself").isNull();
    }
    for (String unit : year.units) {
      MonthlyReport report = reports.find(prefix + unit).orElseThrow();
      assertThat(report.getStatus()).as(prefix + unit).isEqualTo(MonthlyReport.Status.ACCEPTED);
      assertThat(report.isLate()).as("late mark of " + prefix + unit).isEqualTo(late.contains(unit));
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(prefix + "%").count()).as("every report of the month has ended").isZero();
  }

  /**
   * The circulation of {@code month}: started by the schedule's timer on the 5th of the next month, drafted naming the
   * month's late units, approved, acknowledged by all but the last at once; the last one's reminder (3 days) and
   * escalation (7 days) fire, province-edu chases it, it acknowledges.
   */
  private void circulate(Year year, int month) {
    int y = year.options.year();
    String key = String.format("%d-%02d", y, month);
    List<String> named = year.lateByMonth.get(month);
    YearMonth next = YearMonth.of(y, month).plusMonths(1);
    timed(year, "circulation", () -> {
      year.scheduleRuns += driver.runDueStartTimersAt(next.atDay(5).atTime(9, 1), "circulation-schedule");
      ProcessInstance circulation = driver.instance(key, "circulation");
      assertThat(circulation).as("the schedule started the circulation of " + key).isNotNull();
      driver.complete("province", driver.task(key, "province-edu"), Map.of("namedUnitCodes", String.join(",", named)));
      driver.complete("leader", driver.task(key, "province-leader"), Map.of("circulationDecision", "approve"));
      for (String unit : named.subList(0, named.size() - 1)) {
        acknowledge(year, key, unit);
      }
      driver.moveClockTo(next.atDay(13).atTime(9, 1), List.of(circulation.getId()));
      Task chase = driver.task(key, "province-edu");
      assertThat(chase).as("7 days without acknowledgement: province-edu chases").isNotNull();
      driver.complete("province", chase, Map.of());
      year.chases++;
      acknowledge(year, key, named.get(named.size() - 1));
      assertThat(driver.instance(key, "circulation")).as("every named unit acknowledged: " + key).isNull();
      year.circulations++;
    });
  }

  private void acknowledge(Year year, String key, String unit) {
    Task task = driver.task(key, unit + "-leader");
    assertThat(task).as("acknowledgement of " + unit).isNotNull();
    driver.complete(unit + "-leader", task, Map.of("rectificationMeasures", "已落实专人负责，按月报送", "circulationRead",
        true));
    year.acknowledgements++;
  }

  /** The reports of these units, kind by kind: filled, signed, scanned, uploaded, reviewed; {@code returned} twice. */
  private void file(Year year, int month, List<String> units, List<String> returned, ReviewsOpen reviewsOpen) {
    submit(year, month, units);
    reviewsOpen.at(year.options.year(), month);
    List<String> accepted = units.stream().filter(unit -> !returned.contains(unit)).toList();
    step(year, month, "review skills", units, YearDriver::skillsReviewer, YearDriver::skillsGroup,
        unit -> returned.contains(unit) ? Map.of("skillsReviewDecision", "return",
            "skillsReturnReason", "培训人次与花名册不符，请核对后重新填报") : Map.of("skillsReviewDecision", "accept"));
    step(year, month, "review 1+X", accepted, YearDriver::onePlusXReviewer, YearDriver::onePlusXGroup,
        unit -> Map.of("onePlusXReviewDecision", "accept"));
    if (returned.isEmpty()) {
      return;
    }
    for (String unit : returned) {
      Task fill = driver.task(key(year.options.year(), month, unit), unit + "-filer");
      assertThat(fill).as("returned to the filer: " + unit).isNotNull();
      assertThat(reports.find(key(year.options.year(), month, unit)).orElseThrow().getStatus())
          .isNotEqualTo(MonthlyReport.Status.ACCEPTED);
    }
    submit(year, month, returned);
    step(year, month, "review skills", returned, YearDriver::skillsReviewer, YearDriver::skillsGroup,
        unit -> Map.of("skillsReviewDecision", "accept"));
    step(year, month, "review 1+X", returned, YearDriver::onePlusXReviewer, YearDriver::onePlusXGroup,
        unit -> Map.of("onePlusXReviewDecision", "accept"));
  }

  /** Filled, signed (the PDF rendered), printed, stamped and scanned (paper work, not timed), uploaded. */
  private void submit(Year year, int month, List<String> units) {
    int y = year.options.year();
    step(year, month, "fill", units, unit -> unit + "-filer", unit -> unit + "-filer", year.figures::get);
    step(year, month, "sign", units, unit -> unit + "-leader", unit -> unit + "-leader",
        unit -> Map.of("signDecision", "approve"),
        unit -> driver.runAsyncSteps(driver.instance(key(y, month, unit), "monthly-report").getId()));
    sql.phase(y + " paper");
    long paper = System.nanoTime();
    Map<String, byte[]> scans = new HashMap<>();
    for (String unit : units) {
      scans.put(unit, Scans.scan(documents.latest(key(y, month, unit), ReportDocument.Kind.REPORT_PDF).orElseThrow()
          .getContent()));
    }
    year.paper += System.nanoTime() - paper;
    if (year.sampleScan == null) {
      year.sampleScan = scans.get(units.get(0));
    }
    sql.phase("other");
    step(year, month, "upload scan", units, unit -> unit + "-filer", unit -> unit + "-filer",
        unit -> Map.of("stampedScan", scanValue(scans.get(unit))));
  }

  private void step(Year year, int month, String kind, List<String> units, Function<String, String> user,
      Function<String, String> group, Function<String, Map<String, Object>> variables) {
    step(year, month, kind, units, user, group, variables, unit -> { });
  }

  /** One kind of task for these units, each found as Tasklist finds it, claimed and completed as its user. */
  private void step(Year year, int month, String kind, List<String> units, Function<String, String> user,
      Function<String, String> group, Function<String, Map<String, Object>> variables, Consumer<String> afterwards) {
    Tally tally = year.tallies.get(kind);
    sql.phase(year.options.year() + " " + kind);
    long start = System.nanoTime();
    for (String unit : units) {
      Task task = find(kind, key(year.options.year(), month, unit), unit, group.apply(unit));
      long t = System.nanoTime();
      driver.complete(user.apply(unit), task, variables.apply(unit));
      tally.add(System.nanoTime() - t);
      afterwards.accept(unit);
    }
    tally.wall += System.nanoTime() - start;
    sql.phase("other");
  }

  private void timed(Year year, String kind, Runnable work) {
    Tally tally = year.tallies.get(kind);
    sql.phase(year.options.year() + " " + kind);
    long start = System.nanoTime();
    work.run();
    long took = System.nanoTime() - start;
    tally.wall += took;
    tally.add(took);
    sql.phase("other");
  }

  /** The unit's task of this kind that {@code group} may do; a city's two reviews of a school told apart by name. */
  private Task find(String kind, String key, String unit, String group) {
    return findTask(taskService, driver, kind, key, unit, group);
  }

  /** As above, for a benchmark that plays its own month with the same kinds of task. */
  static Task findTask(TaskService taskService, Driver driver, String kind, String key, String unit, String group) {
    Task task;
    if (kind.startsWith("review") && city(unit) != null) {
      boolean onePlusX = kind.endsWith("1+X");
      task = taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup(group).list().stream()
          .filter(t -> t.getName().contains("1+X") == onePlusX).findFirst().orElse(null);
    } else {
      task = driver.task(key, group);
    }
    if (task == null) {
      // a refused fill fails its completion with the reasons; a missing task means the chain went elsewhere
      throw new AssertionError("no " + kind + " task for " + key + " (" + group + ")");
    }
    return task;
  }

  /**
   * The units that file late in a month: spread over the list (provincial units and schools alike), a different set
   * each month.
   */
  static List<String> lateUnits(List<String> units, int month, int count) {
    List<String> late = new ArrayList<>();
    int stride = units.size() / Math.max(1, count);
    for (int k = 0; k < count; k++) {
      late.add(units.get((month * 7 + k * stride) % units.size()));
    }
    return late;
  }

  Map<String, ProcessInstance> unitYears(int year) {
    Map<String, ProcessInstance> byUnit = new LinkedHashMap<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(year + "/%").list()
        .forEach(instance -> byUnit.put(instance.getBusinessKey().substring(String.valueOf(year).length() + 1),
            instance));
    return byUnit;
  }

  static void receiveAnnualTask(Driver driver, int year, String unit) {
    Task task = driver.task(year + "/" + unit, unit + "-filer");
    assertThat(task).as("annual task of " + unit).isNotNull();
    driver.complete(unit + "-filer", task, Map.of("annualTaskAcknowledged", true));
  }

  /**
   * A bureau's schools as its filer uploads them (a row of the shipped table: seq, name, kind, quotas): the quotas split
   * evenly, rounded up so that the sums cover the bureau's.
   */
  static String schoolsCsv(String[] bureau, int schoolCount) {
    String name = bureau[1];
    int training = Integer.parseInt(bureau[3]);
    int certification = Integer.parseInt(bureau[4]);
    int onePlusX = bureau[6].isEmpty() ? 0 : Integer.parseInt(bureau[6]);
    StringBuilder csv = new StringBuilder("学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n");
    for (int s = 1; s <= schoolCount; s++) {
      csv.append(name).append("第").append(s).append("职业中等专业学校,").append(ceil(training, schoolCount))
          .append(',').append(ceil(certification, schoolCount)).append(",,").append(ceil(onePlusX, schoolCount))
          .append('\n');
    }
    return csv.toString();
  }

  /** A tenth of each annual task (no advanced certificates for a secondary school: that needs a confirmation). */
  static Map<String, Object> figures(String unit, Quota quota) {
    Map<String, Object> form = new HashMap<>();
    form.put("institutionsCollegeLevel", 1L);
    form.put("institutionsAppraisal", 1L);
    form.put("institutionsSocial", 0L);
    form.put("institutionsSpecial", 0L);
    form.put("trainingMonth", (long) quota.training() / 10);
    form.put("certificationMonth", (long) quota.certification() / 10);
    form.put("advancedMonth", city(unit) != null || quota.advanced() == null ? 0L : (long) quota.advanced() / 10);
    form.put("onePlusXMonth", quota.onePlusX() == null ? 0L : (long) quota.onePlusX() / 10);
    form.put("filerName", "张敏");
    form.put("filerPhone", "0371-69691788");
    return form;
  }

  static Object scanValue(byte[] scan) {
    return Variables.fileValue("scan.pdf").file(scan).mimeType("application/pdf").create();
  }

  /** The province reviews its units (province-edu, province-1x), a city bureau its schools in both lanes. */
  static String skillsReviewer(String unit) {
    return city(unit) == null ? "province" : city(unit) + "-filer";
  }

  static String skillsGroup(String unit) {
    return city(unit) == null ? "province-edu" : city(unit) + "-filer";
  }

  static String onePlusXReviewer(String unit) {
    return city(unit) == null ? "onex" : city(unit) + "-filer";
  }

  static String onePlusXGroup(String unit) {
    return city(unit) == null ? "province-1x" : city(unit) + "-filer";
  }

  /** The bureau of a school ({@code u001-s3} → {@code u001}); null for a provincial unit. */
  static String city(String unit) {
    int school = unit.indexOf("-s");
    return school < 0 ? null : unit.substring(0, school);
  }

  static String key(int year, int month, String unit) {
    return String.format("%d-%02d/%s", year, month, unit);
  }

  static String code(String seq) {
    return String.format("u%03d", Integer.parseInt(seq));
  }

  private static int ceil(int total, int parts) {
    return (total + parts - 1) / parts;
  }

  static byte[] shipped(String resource) {
    try (InputStream in = YearDriver.class.getResourceAsStream("/" + resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String shippedTable() {
    return new String(shipped("allocation/allocation-2022.csv"), StandardCharsets.UTF_8);
  }

  /** What the database holds: its size and the rows of the tables that grow. */
  record Rows(long databaseBytes, long authorizations, long history, Map<String, Long> historyTables, long bytearray,
      long domain, Map<String, Long> domainTables, Map<String, Long> megabytes) {
    static Rows of(DataSource dataSource) throws SQLException {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        long size = single(statement, "select pg_database_size(current_database())");
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
            + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        Map<String, Long> history = new TreeMap<>();
        Map<String, Long> domain = new TreeMap<>();
        Map<String, Long> megabytes = new TreeMap<>();
        long authorizations = 0;
        long bytearray = 0;
        for (String table : tables) {
          String name = table.toLowerCase();
          long rows = single(statement, "select count(*) from " + table);
          // with its TOAST table and indexes: where the bytes are (file variables, PDFs, scans)
          megabytes.put(name, single(statement, "select pg_total_relation_size('" + table + "')") >> 20);
          if (name.equals("act_ru_authorization")) {
            authorizations = rows;
          } else if (name.equals("act_ge_bytearray")) {
            bytearray = rows;
          } else if (name.startsWith("act_hi_")) {
            history.put(name, rows);
          } else if (!name.startsWith("act_") && !name.startsWith("flyway")) {
            domain.put(name, rows);
          }
        }
        return new Rows(size, authorizations, history.values().stream().mapToLong(Long::longValue).sum(), history,
            bytearray, domain.values().stream().mapToLong(Long::longValue).sum(), domain, megabytes);
      }
    }

    private static long single(Statement statement, String query) throws SQLException {
      try (ResultSet rs = statement.executeQuery(query)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    static String biggest(Map<String, Long> tables, int limit) {
      StringBuilder text = new StringBuilder();
      tables.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
          .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
      return text.toString();
    }
  }
}
