package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the application in the middle of a monthly round: the packaged application runs as a second
 * process (profile {@code postgres}, job executor on, real time) against a PostgreSQL server this test starts. With
 * reports at every step and the opening timers of a unit's ten months due, the process is killed without warning and
 * started again on the same database: every report is where it was, no task is lost or doubled, and every timer that
 * was due fires exactly once.
 */
class CrashRecoveryTest {
  /** A year whose months have all opened by now, so every opening timer is due at once. */
  private static final int YEAR = 2026;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedPostgres postgres;
  private static Path workDirectory;
  private static int port;
  private static Process app;
  private static final java.util.concurrent.atomic.AtomicReference<String> LAST_ANSWER =
      new java.util.concurrent.atomic.AtomicReference<>("none");

  @BeforeAll
  static void startDatabase() throws IOException {
    workDirectory = Files.createTempDirectory("crash-recovery");
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setDataDirectory(workDirectory.resolve("postgres")).setCleanDataDirectory(true).start();
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.destroyForcibly().waitFor();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aKilledApplicationResumesEveryReportAndFiresEachDueTimerOnce() throws Exception {
    app = start("run-1");
    publish("河南理工大学,500,450,300,90\n河南工业大学,600,500,300,90\n");
    receive("u029");
    awaitIdle();
    assertThat(reportKeys()).hasSize(10);

    // u029's reports at every step: March waits for its scan, April for its leader, May is open
    fill("u029", YEAR + "-03");
    sign("u029", YEAR + "-03");
    uploadScan("u029", YEAR + "-03");
    fill("u029", YEAR + "-04");
    Map<String, List<String>> before = openTasks();
    assertThat(before.get(YEAR + "-03/u029")).containsExactlyInAnyOrder("审核培训取证数据", "审核1+X证书数据");
    assertThat(before.get(YEAR + "-04/u029")).containsExactlyInAnyOrder("组长签字", "撤回月报（组长签字前可用）");

    // u030 receives its year: ten opening timers fall due at once, and the process dies among them
    receive("u030");
    app.destroyForcibly().waitFor();
    long openedBeforeTheCrash = reportKeys().stream().filter(k -> k.endsWith("/u030")).count();

    app = start("run-2");
    awaitIdle();
    Map<String, List<String>> after = openTasks();
    for (String key : before.keySet()) {
      if (key.endsWith("/u029")) {
        assertThat(after.get(key)).as(key + " where it was").containsExactlyInAnyOrderElementsOf(before.get(key));
      }
    }
    List<String> keys = reportKeys();
    assertThat(keys).as("each month of each unit opened exactly once").hasSize(20).doesNotHaveDuplicates();
    for (String key : keys) {
      if (key.endsWith("/u030")) {
        assertThat(after.get(key)).as(key).containsExactly("填报月度进度");
      }
    }
    assertThat(sql("select count(*) from monthly_report where unit_code = 'u030' and year = " + YEAR))
        .as("the reports' rows, one a month").isEqualTo(10);
    assertThat(sql("select count(*) from act_ru_job where retries_ = 0")).as("no failed job").isZero();
    System.out.printf("crash recovery: killed with %d of u030's 10 reports opened; after the restart 20 reports,"
        + " every due timer fired once%n", openedBeforeTheCrash);
  }

  // --- the second process ---

  private static Process start(String run) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the test's classpath (Surefire lists some entries twice: the models would be found twice)
    String classpath = String.join(File.pathSeparator, new LinkedHashSet<>(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator))));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classpath,
        "cn.henan.skills.SkillsHenanApplication", "--spring.profiles.active=postgres", "--server.port=" + port,
        // a job locked by the killed process is taken up again after this long (production: application.yml)
        "--camunda.bpm.job-execution.lock-time-in-millis=5000"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(workDirectory.resolve(run + ".log").toFile());
    builder.environment().put("SKILLS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
    builder.environment().put("SKILLS_DB_USER", "postgres");
    builder.environment().put("SKILLS_DB_PASSWORD", "");
    builder.environment().put("SKILLS_DEMO_USERS", "true");
    Process process = builder.start();
    try {
      awaitStarted(process, run);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(run + " not ready, last answer: " + LAST_ANSWER.get(), e);
    }
    return process;
  }

  private static void awaitStarted(Process process, String run) {
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the application stopped: see " + workDirectory.resolve(run + ".log"));
      }
      try {
        // ready once the models are deployed and the unit users seeded (both after the web server starts)
        HttpResponse<String> ready = get("admin", "/engine-rest/user/u171-leader/profile");
        LAST_ANSWER.set(ready.statusCode() + " " + ready.body());
        return ready.statusCode() == 200
            && get("admin", "/engine-rest/process-definition/key/monthly-report").statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  /** Waits until the job executor has nothing left that is due. */
  private static void awaitIdle() {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> sql("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now())"
            + " and retries_ > 0 and suspension_state_ = 1") == 0);
  }

  // --- the round, as its users over REST ---

  private static void publish(String rows) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    variables.set("year", JSON.createObjectNode().put("value", YEAR).put("type", "Integer"));
    variables.set("allocationSource", JSON.createObjectNode().put("value", "upload"));
    ObjectNode file = JSON.createObjectNode().put("type", "File").put("value", Base64.getEncoder().encodeToString(
        ("单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n" + rows)
            .getBytes(StandardCharsets.UTF_8)));
    file.set("valueInfo", JSON.createObjectNode().put("filename", YEAR + ".csv"));
    variables.set("allocationFile", file);
    ok(post("province", "/engine-rest/process-definition/key/quota-distribution/start",
        JSON.createObjectNode().set("variables", variables)));
    complete("leader", String.valueOf(YEAR), Map.of("approvalDecision", "approve"));
    await().atMost(Duration.ofMinutes(1)).until(() -> !tasks("u029-filer", YEAR + "/u029").isEmpty());
  }

  private static void receive(String unit) throws Exception {
    await().atMost(Duration.ofMinutes(1)).until(() -> !tasks(unit + "-filer", YEAR + "/" + unit).isEmpty());
    complete(unit + "-filer", YEAR + "/" + unit, Map.of("annualTaskAcknowledged", true));
  }

  private static void fill(String unit, String month) throws Exception {
    complete(unit + "-filer", month + "/" + unit, Map.of("institutionsCollegeLevel", 1, "institutionsAppraisal", 0,
        "institutionsSocial", 0, "institutionsSpecial", 0, "trainingMonth", 20, "certificationMonth", 10,
        "advancedMonth", 5, "onePlusXMonth", 2, "filerName", "张敏", "filerPhone", "0371-69691788"));
  }

  private static void sign(String unit, String month) throws Exception {
    complete(unit + "-leader", month + "/" + unit, Map.of("signDecision", "approve"));
  }

  private static void uploadScan(String unit, String month) throws Exception {
    HttpResponse<byte[]> pdf = HTTP.send(request(unit + "-filer", "/api/reports/" + month + "/" + unit + "/report.pdf")
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    ObjectNode scan = JSON.createObjectNode().put("type", "File")
        .put("value", Base64.getEncoder().encodeToString(pdf.body()));
    scan.set("valueInfo", JSON.createObjectNode().put("filename", "scan.pdf").put("mimeType", "application/pdf"));
    ObjectNode variables = JSON.createObjectNode();
    variables.set("stampedScan", scan);
    String task = tasks(unit + "-filer", month + "/" + unit).get(0).get("id").asText();
    ok(post(unit + "-filer", "/engine-rest/task/" + task + "/complete",
        JSON.createObjectNode().set("variables", variables)));
  }

  /** Completes the one open task of the instance that this user may do. */
  private static void complete(String user, String businessKey, Map<String, ?> values) throws Exception {
    List<JsonNode> open = tasks(user, businessKey);
    assertThat(open).as(user + " in " + businessKey).hasSize(1);
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value))));
    ok(post(user, "/engine-rest/task/" + open.get(0).get("id").asText() + "/complete",
        JSON.createObjectNode().set("variables", variables)));
  }

  private static List<JsonNode> tasks(String user, String businessKey) throws Exception {
    List<JsonNode> tasks = new ArrayList<>();
    JSON.readTree(get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey).body())
        .forEach(tasks::add);
    return tasks;
  }

  /** Every open task of the year's reports, by business key, as the province sees them. */
  private static Map<String, List<String>> openTasks() throws Exception {
    Map<String, List<String>> open = new TreeMap<>();
    for (String key : reportKeys()) {
      open.put(key, tasksOfReport(key));
    }
    return open;
  }

  private static List<String> tasksOfReport(String key) throws Exception {
    return rows("select t.name_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
        + " where e.business_key_ = '" + key + "'");
  }

  private static List<String> reportKeys() throws Exception {
    return rows("select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
        + " where d.key_ = 'monthly-report' and e.id_ = e.proc_inst_id_ and e.business_key_ like '" + YEAR
        + "-%' order by 1");
  }

  // --- plumbing ---

  private static long sql(String query) throws Exception {
    return Long.parseLong(rows(query).get(0));
  }

  private static List<String> rows(String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private static HttpRequest.Builder request(String user, String path) {
    String password = "admin".equals(user) ? "admin" : "demo";
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String user, String path, JsonNode body) throws Exception {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isBetween(200, 299);
  }
}
