package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.henan.skills.pdf.Scans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged application as a second process (profile {@code postgres}, job executor on, real time) against a
 * PostgreSQL server of the test's own, both started, killed and restarted by the test; and the year's round driven
 * over REST as its users would. For the tests that a crash or an outage must not break, and for the benchmarks that
 * load one node or two ({@code bench/NationalRoundBenchmark}).
 */
public final class ApplicationProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final int year;
  private final Path workDirectory;
  /** Node 0 and, for a cluster, node 1: each its own port and job executor, one database. */
  private final int[] ports = new int[2];
  private final Process[] apps = new Process[2];
  /** The node that REST calls go to. */
  private volatile int serving;
  /** The node that this thread's REST calls go to, when a thread was told one ({@link #serveFromOnThisThread}). */
  private final ThreadLocal<Integer> servingThisThread = new ThreadLocal<>();
  private String heap = "768m";
  /** A job locked by a killed process is taken up again after this long (production: application.yml). */
  private long jobLockMillis = 5000;
  /** The engine's clock when the demo clock is on (as the default profile runs it), or null: real time. */
  private String demoClockStart;
  private Duration startTimeout = Duration.ofMinutes(4);
  private final int databasePort;
  private EmbeddedPostgres postgres;
  private final AtomicReference<String> lastAnswer = new AtomicReference<>("none");

  public ApplicationProcess(int year) throws IOException {
    this.year = year;
    workDirectory = Files.createTempDirectory("application-process");
    ports[0] = freePort();
    ports[1] = freePort();
    databasePort = freePort();
    postgres = database();
  }

  // never "clean": zonky would delete the data directory when the server stops, and the restart would find it empty
  private EmbeddedPostgres database() throws IOException {
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(databasePort)
        .setDataDirectory(workDirectory.resolve("postgres")).setCleanDataDirectory(false).start();
  }

  void stopDatabase() throws IOException {
    postgres.close();
  }

  void startDatabase() throws IOException {
    postgres = database();
  }

  /** Maximum heap of the nodes started from now on, e.g. {@code 1g}. */
  public ApplicationProcess heap(String maximum) {
    heap = maximum;
    return this;
  }

  /** Job lock time of the nodes started from now on: longer than the longest job, or a second execution starts. */
  public ApplicationProcess jobLockTime(Duration lock) {
    jobLockMillis = lock.toMillis();
    return this;
  }

  /**
   * The nodes started from now on run the demo clock from this instant on (ISO offset date-time), the offset kept in
   * the database: a later node takes the clock the first one has moved to.
   */
  public ApplicationProcess demoClockFrom(String start) {
    demoClockStart = start;
    return this;
  }

  /** How long a node may take to start (its identity seeding grows with the unit registry). */
  public ApplicationProcess startTimeout(Duration timeout) {
    startTimeout = timeout;
    return this;
  }

  @Override
  public void close() throws Exception {
    for (Process app : apps) {
      if (app != null) {
        app.destroyForcibly().waitFor();
      }
    }
    postgres.close();
    FileSystemUtils.deleteRecursively(workDirectory);
  }

  /** The application's output, kept in the build's folder for a look after a failed run. */
  private Path log(String run) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "application-process"));
    return folder.resolve("year-" + year + "-" + run + ".log");
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    kill(0);
  }

  void kill(int node) throws InterruptedException {
    apps[node].destroyForcibly().waitFor();
  }

  /** REST calls from now on go to this node. */
  void serveFrom(int node) {
    serving = node;
  }

  /** This thread's REST calls from now on go to this node, whatever {@link #serveFrom} says. */
  public void serveFromOnThisThread(int node) {
    servingThisThread.set(node);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  void start(String run) throws Exception {
    start(0, run);
  }

  /**
   * Starts node 0 or 1 on the shared database; a node's name (Camunda's {@code hostname}) is written to the job log
   * with every job it executes.
   */
  public void start(int node, String run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the test's classpath (Surefire lists some entries twice: the models would be found twice)
    String classpath = String.join(File.pathSeparator, new LinkedHashSet<>(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator))));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", classpath,
        "cn.henan.skills.SkillsHenanApplication", "--spring.profiles.active=postgres", "--server.port=" + ports[node],
        "--camunda.bpm.generic-properties.properties.hostname=node-" + node,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + jobLockMillis));
    if (demoClockStart != null) {
      command.add("--skills-henan.demo-clock.start=" + demoClockStart);
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(log(run).toFile());
    builder.environment().put("SKILLS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
    builder.environment().put("SKILLS_DB_USER", "postgres");
    builder.environment().put("SKILLS_DB_PASSWORD", "");
    builder.environment().put("SKILLS_DEMO_USERS", "true");
    builder.environment().put("SKILLS_DEMO_CLOCK", String.valueOf(demoClockStart != null));
    Process app = builder.start();
    apps[node] = app;
    int before = serving;
    serving = node;
    try {
      awaitStarted(app, run);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(run + " not ready, last answer: " + lastAnswer.get(), e);
    } finally {
      serving = before;
    }
  }

  private void awaitStarted(Process process, String run) {
    await().atMost(startTimeout).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped: see " + log(run));
      }
      try {
        // ready once the models are deployed and the unit users seeded (both after the web server starts)
        HttpResponse<String> ready = get("admin", "/engine-rest/user/u171-leader/profile");
        lastAnswer.set(ready.statusCode() + " " + ready.body());
        return ready.statusCode() == 200
            && get("admin", "/engine-rest/process-definition/key/monthly-report").statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  /** Waits until the job executor has nothing left that is due. */
  void awaitIdle() {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> sql("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now())"
            + " and retries_ > 0 and suspension_state_ = 1") == 0);
  }

  // --- the round, as its users over REST ---

  void publish(String rows) throws Exception {
    publish(year, rows);
  }

  /** The province publishes a year's table of these rows (unit, training, certificates, advanced, 1+X). */
  void publish(int year, String rows) throws Exception {
    publishTable(year, "单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n" + rows);
    await().atMost(Duration.ofMinutes(1)).until(() -> !tasks("u029-filer", year + "/u029").isEmpty());
  }

  /** The province uploads a whole allocation table (any headers the importer reads), its leader approves. */
  public void publishTable(int year, String csv) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    variables.set("year", JSON.createObjectNode().put("value", year).put("type", "Integer"));
    variables.set("allocationSource", JSON.createObjectNode().put("value", "upload"));
    variables.set("allocationFile", csvFile(year + ".csv", csv));
    ok(post("province", "/engine-rest/process-definition/key/quota-distribution/start",
        JSON.createObjectNode().set("variables", variables)));
    complete("leader", String.valueOf(year), Map.of("approvalDecision", "approve"));
  }

  /**
   * The city bureau's filer uploads its schools' quotas (CSV with the Attachment-1 headers), its leader approves; the
   * job executor then registers the schools and starts their years.
   */
  public void subdivide(String city, String schoolsCsv) throws Exception {
    String key = year + "/" + city;
    await().atMost(Duration.ofMinutes(1)).until(() -> !tasks(city + "-filer", key).isEmpty());
    ObjectNode variables = JSON.createObjectNode();
    variables.set("schoolQuotaFile", csvFile("schools.csv", schoolsCsv));
    String task = tasks(city + "-filer", key).get(0).get("id").asText();
    ok(post(city + "-filer", "/engine-rest/task/" + task + "/complete",
        JSON.createObjectNode().set("variables", variables)));
    complete(city + "-leader", key, Map.of("subdivisionDecision", "approve"));
  }

  private static ObjectNode csvFile(String name, String csv) {
    ObjectNode file = JSON.createObjectNode().put("type", "File")
        .put("value", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
    file.set("valueInfo", JSON.createObjectNode().put("filename", name));
    return file;
  }

  public void receive(String unit) throws Exception {
    await().atMost(Duration.ofMinutes(1)).until(() -> !tasks(unit + "-filer", year + "/" + unit).isEmpty());
    complete(unit + "-filer", year + "/" + unit, Map.of("annualTaskAcknowledged", true));
  }

  void fill(String unit, String month) throws Exception {
    fill(unit, month, Map.of("institutionsCollegeLevel", 1, "institutionsAppraisal", 0,
        "institutionsSocial", 0, "institutionsSpecial", 0, "trainingMonth", 20, "certificationMonth", 10,
        "advancedMonth", 5, "onePlusXMonth", 2, "filerName", "张敏", "filerPhone", "0371-69691788"));
  }

  /** The unit's filer fills the month's report with these figures ({@code Driver.reportFigures}). */
  public void fill(String unit, String month, Map<String, ?> figures) throws Exception {
    complete(unit + "-filer", month + "/" + unit, figures);
  }

  public void sign(String unit, String month) throws Exception {
    complete(unit + "-leader", month + "/" + unit, Map.of("signDecision", "approve"));
  }

  void uploadScan(String unit, String month) throws Exception {
    uploadScan(unit, month, printedScan(unit, month));
  }

  /**
   * The filer's paper work once the leader has signed: downloads the report's PDF, prints, stamps and scans it
   * ({@link Scans#scan}).
   */
  public byte[] printedScan(String unit, String month) throws Exception {
    // the PDF is rendered by the job executor once the signature has committed
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> !tasks(unit + "-filer", month + "/" + unit).isEmpty());
    HttpResponse<byte[]> pdf = HTTP.send(request(unit + "-filer", "/api/reports/" + month + "/" + unit + "/report.pdf")
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    return Scans.scan(pdf.body());
  }

  /** The filer uploads the stamped scan. */
  public void uploadScan(String unit, String month, byte[] stampedScan) throws Exception {
    ObjectNode scan = JSON.createObjectNode().put("type", "File")
        .put("value", Base64.getEncoder().encodeToString(stampedScan));
    scan.set("valueInfo", JSON.createObjectNode().put("filename", "scan.pdf").put("mimeType", "application/pdf"));
    ObjectNode variables = JSON.createObjectNode();
    variables.set("stampedScan", scan);
    String task = tasks(unit + "-filer", month + "/" + unit).get(0).get("id").asText();
    ok(post(unit + "-filer", "/engine-rest/task/" + task + "/complete",
        JSON.createObjectNode().set("variables", variables)));
  }

  /** The province accepts the report in both review lanes (skills as province-edu, 1+X as province-1x). */
  public void review(String unit, String month) throws Exception {
    reviewSkills(unit, month);
    reviewOnePlusX(unit, month);
  }

  /**
   * The skills lane accepts the report: province-edu for a unit the province allocates to, the city bureau's filers
   * for a school ({@code u001-s01}) — they see both lanes' tasks of their school, told apart by name.
   */
  public void reviewSkills(String unit, String month) throws Exception {
    String city = cityOf(unit);
    if (city == null) {
      complete("province", "province-edu", month + "/" + unit, Map.of("skillsReviewDecision", "accept"));
    } else {
      List<JsonNode> skills = tasks(city + "-filer", month + "/" + unit, city + "-filer").stream()
          .filter(task -> !task.get("name").asText().contains("1+X")).toList();
      assertThat(skills).as(city + "-filer's skills review of " + month + "/" + unit).hasSize(1);
      completeTask(city + "-filer", skills.get(0).get("id").asText(), Map.of("skillsReviewDecision", "accept"));
    }
  }

  /** The 1+X lane accepts the report: province-1x, or for a school its city bureau's filers. */
  public void reviewOnePlusX(String unit, String month) throws Exception {
    String city = cityOf(unit);
    if (city == null) {
      complete("onex", "province-1x", month + "/" + unit, Map.of("onePlusXReviewDecision", "accept"));
    } else {
      List<JsonNode> onePlusX = tasks(city + "-filer", month + "/" + unit, city + "-filer").stream()
          .filter(task -> task.get("name").asText().contains("1+X")).toList();
      assertThat(onePlusX).as(city + "-filer's 1+X review of " + month + "/" + unit).hasSize(1);
      completeTask(city + "-filer", onePlusX.get(0).get("id").asText(), Map.of("onePlusXReviewDecision", "accept"));
    }
  }

  /** The city bureau of a school ({@code u001-s01} → {@code u001}), null for a unit the province allocates to. */
  private static String cityOf(String unit) {
    int school = unit.indexOf("-s");
    return school < 0 ? null : unit.substring(0, school);
  }

  /** Completes the one open task of the instance that this user may do. */
  void complete(String user, String businessKey, Map<String, ?> values) throws Exception {
    complete(user, null, businessKey, values);
  }

  /** Completes the one open task of the instance that this user may do as a candidate of this group. */
  void complete(String user, String group, String businessKey, Map<String, ?> values) throws Exception {
    List<JsonNode> open = tasks(user, businessKey, group);
    assertThat(open).as(user + " in " + businessKey).hasSize(1);
    completeTask(user, open.get(0).get("id").asText(), values);
  }

  private void completeTask(String user, String taskId, Map<String, ?> values) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value))));
    ok(post(user, "/engine-rest/task/" + taskId + "/complete", JSON.createObjectNode().set("variables", variables)));
  }

  List<JsonNode> tasks(String user, String businessKey) throws Exception {
    return tasks(user, businessKey, null);
  }

  /** The instance's open tasks this user sees, those of one candidate group only if a group is given. */
  List<JsonNode> tasks(String user, String businessKey, String group) throws Exception {
    List<JsonNode> tasks = new ArrayList<>();
    JSON.readTree(get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + (group == null ? "" : "&candidateGroup=" + group)).body()).forEach(tasks::add);
    return tasks;
  }

  /** Every open task of the year's reports, by business key, as the province sees them. */
  Map<String, List<String>> openTasks() throws Exception {
    Map<String, List<String>> open = new TreeMap<>();
    for (String key : reportKeys()) {
      open.put(key, tasksOfReport(key));
    }
    return open;
  }

  List<String> tasksOfReport(String key) throws Exception {
    return rows("select t.name_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
        + " where e.business_key_ = '" + key + "'");
  }

  List<String> reportKeys() throws Exception {
    return reportKeys(year);
  }

  List<String> reportKeys(int year) throws Exception {
    return rows("select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
        + " where d.key_ = 'monthly-report' and e.id_ = e.proc_inst_id_ and e.business_key_ like '" + year
        + "-%' order by 1");
  }

  // --- plumbing ---

  public long sql(String query) throws Exception {
    return Long.parseLong(rows(query).get(0));
  }

  public List<String> rows(String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  HttpRequest.Builder request(String user, String path) {
    String password = "admin".equals(user) ? "admin" : "demo";
    Integer thisThread = servingThisThread.get();
    int node = thisThread != null ? thisThread : serving;
    return HttpRequest.newBuilder(URI.create("http://localhost:" + ports[node] + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String user, String path, JsonNode body) throws Exception {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isBetween(200, 299);
  }
}
