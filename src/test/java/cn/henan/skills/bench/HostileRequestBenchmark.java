package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import cn.henan.skills.pdf.Scans;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 10's goal, measured: what the worst hostile request of each kind costs the server (process CPU time and bytes
 * allocated by all threads while it is served, alone, the worst of three after a warm-up), and the p50/p95 of a
 * normal user's requests (a unit filer's task list, the province's progress view, signed in as Tasklist is) alone and
 * while 10 clients send hostile requests without pause. Client and server share this JVM, so the figures include the client's own work
 * (building a 1 MB string, sending 21 MB): they are upper bounds. Run with
 * {@code mvn -B -ntp test -Pbench -Dtest=HostileRequestBenchmark}; the table goes to {@code target/bench/hostile.md}.
 */
@SkillsHenanTest
class HostileRequestBenchmark {
  static final int YEAR = 2049;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      河南理工大学,500,450,300,90
      河南工业大学,1500,1370,1000,280
      河南科技学院,2000,1660,1400,280
      商丘师范学院,7500,2180,400,80
      周口师范学院,7000,1660,,
      """;
  static final int NORMAL_REQUESTS = 300;
  static final int HOSTILE_CLIENTS = 10;

  @Autowired Driver driver;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;

  private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void hostileRequestsCostLittleAndLeaveOtherUsersTheirSpeed() throws Exception {
    driver.publishAllocation(YEAR, TABLE);
    List<String> units = List.of("u029", "u030", "u031", "u032", "u033");
    for (String unit : units) {
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
    for (String unit : List.of("u029", "u030", "u031")) {
      String key = YEAR + "-03/" + unit;
      driver.complete(unit + "-filer", driver.task(key, unit + "-filer"), Driver.reportFigures(100, 80, 40, 10));
      driver.sign(key, unit);
    }
    Task fill = driver.task(YEAR + "-03/u033", "u033-filer");
    Task upload = driver.task(YEAR + "-03/u031", "u031-filer");

    byte[] hugePages = Scans.pages(5, new PDRectangle(4800, 4800));
    byte[] blankA3 = Scans.pages(5, PDRectangle.A3);
    String blankA3Upload = "{\"variables\":{\"stampedScan\":{\"value\":\"" + Base64.getEncoder()
        .encodeToString(blankA3) + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"scan.pdf\"}}}}";
    byte[] bigXlsx = xlsx(160_000);
    StringBuilder csv = new StringBuilder("单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n");
    for (int i = 0; i < 2000; i++) {
      csv.append("单位").append(i).append(",100,90,10,5\n");
    }
    byte[] largestCsv = csv.toString().getBytes(StandardCharsets.UTF_8);
    AtomicInteger yearOffset = new AtomicInteger();

    Map<String, IntSupplier> hostile = new LinkedHashMap<>();
    hostile.put("monthly figure 1e50000000", () -> post("u033-filer", "/engine-rest/task/" + fill.getId()
        + "/complete", "{\"variables\":{\"trainingMonth\":{\"value\":1e50000000}}}"));
    String longName = "{\"variables\":{\"filerName\":{\"value\":\"" + "x".repeat(1 << 20) + "\"}}}";
    hostile.put("filer name of 1 MB", () -> post("u033-filer", "/engine-rest/task/" + fill.getId() + "/complete",
        longName));
    String nested = "{\"variables\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    hostile.put("JSON nested 5,000 deep", () -> post("u033-filer", "/engine-rest/task/" + fill.getId()
        + "/complete", nested));
    byte[] chunkedBody = chunkedBody(21 << 20);
    hostile.put("21 MB chunked body", () -> send("u033-filer", "/engine-rest/task/" + fill.getId() + "/complete",
        "application/json", chunkedBody, true));
    hostile.put("scan pre-check: 5 pages of 4800 pt", () -> postBytes("u029-filer", "/api/reports/" + YEAR
        + "-03/u029/scan-check", hugePages));
    hostile.put("scan pre-check: 5 blank A3 pages", () -> postBytes("u030-filer", "/api/reports/" + YEAR
        + "-03/u030/scan-check", blankA3));
    hostile.put("scan upload: 5 blank A3 pages", () -> post("u031-filer", "/engine-rest/task/" + upload.getId()
        + "/complete", blankA3Upload));
    String bigXlsxBase64 = Base64.getEncoder().encodeToString(bigXlsx);
    String largestCsvBase64 = Base64.getEncoder().encodeToString(largestCsv);
    hostile.put("allocation table: XLSX of 160,000 rows", () -> startDistribution(YEAR + 100
        + yearOffset.incrementAndGet(), "big.xlsx", bigXlsxBase64));
    hostile.put("allocation table: CSV of 2,000 rows", () -> startDistribution(YEAR + 100
        + yearOffset.incrementAndGet(), "largest.csv", largestCsvBase64));
    hostile.put("sign-in with a wrong password", () -> status(http.withBasicAuth("u034-filer", "wrong")
        .getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode().value()));

    StringBuilder table = new StringBuilder("| hostile request (worst of 3, alone) | answer | CPU ms | allocated MB |\n"
        + "|---|---|---:|---:|\n");
    for (Map.Entry<String, IntSupplier> kind : hostile.entrySet()) {
      kind.getValue().getAsInt(); // warm-up
      int answer = 0;
      double cpu = 0;
      double allocated = 0;
      for (int i = 0; i < 3; i++) {
        Map<Long, long[]> before = serverThreads();
        answer = kind.getValue().getAsInt();
        long[] spent = spentSince(before);
        cpu = Math.max(cpu, spent[0] / 1e6);
        allocated = Math.max(allocated, spent[1] / 1024.0 / 1024.0);
      }
      table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f |%n", kind.getKey(), answer, cpu, allocated));
    }

    double[] alone = normalRequests(NORMAL_REQUESTS);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger hostileSent = new AtomicInteger();
    Map<Integer, AtomicInteger> hostileAnswers = new java.util.concurrent.ConcurrentSkipListMap<>();
    ExecutorService attackers = Executors.newFixedThreadPool(HOSTILE_CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    List<IntSupplier> kinds = new ArrayList<>(hostile.values());
    for (int t = 0; t < HOSTILE_CLIENTS; t++) {
      int first = t;
      running.add(attackers.submit(() -> {
        for (int i = first; !stop.get(); i++) {
          int answer = kinds.get(i % kinds.size()).getAsInt();
          hostileSent.incrementAndGet();
          hostileAnswers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
        }
      }));
    }
    double[] underAttack;
    try {
      underAttack = normalRequests(NORMAL_REQUESTS);
    } finally {
      stop.set(true);
      for (Future<?> attacker : running) {
        attacker.get();
      }
      attackers.shutdown();
    }
    table.append(String.format(Locale.ROOT, "%n| normal requests (%d: a filer's task list, the province's progress) "
            + "| p50 ms | p95 ms | max ms |%n|---|---:|---:|---:|%n| alone | %.1f | %.1f | %.1f |%n"
            + "| with %d clients sending hostile requests without pause | %.1f | %.1f | %.1f |%n"
            + "%np95 under attack / alone: %.2f; hostile requests sent meanwhile: %d, answered %s%n",
        NORMAL_REQUESTS, percentile(alone, 50), percentile(alone, 95), percentile(alone, 100), HOSTILE_CLIENTS,
        percentile(underAttack, 50), percentile(underAttack, 95), percentile(underAttack, 100),
        percentile(underAttack, 95) / percentile(alone, 95), hostileSent.get(), hostileAnswers));
    System.out.println(table);
    Path out = Path.of("target", "bench", "hostile.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    assertThat(hostileAnswers.keySet()).as("no hostile request was answered 500").allMatch(status -> status < 500
        || status == 503);
  }

  /**
   * Latencies in ms of {@code count} normal requests as Tasklist and the dashboard send them (signed in once, with the
   * session), alternating a filer's task list and the province's progress view.
   */
  private double[] normalRequests(int count) {
    TasklistSession filer = TasklistSession.signIn(http, "u032-filer", "demo");
    TasklistSession province = TasklistSession.signIn(http, "province", "demo");
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      int status = i % 2 == 0
          ? filer.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + YEAR + "-03/u032")
              .getStatusCode().value()
          : province.get("/api/progress/" + YEAR + "?month=" + YEAR + "-03").getStatusCode().value();
      millis[i] = (System.nanoTime() - start) / 1e6;
      assertThat(status).as("normal request " + i).isEqualTo(200);
    }
    return millis;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** CPU nanoseconds and bytes allocated so far by each thread that serves requests (Tomcat's, the heavy-work pool). */
  private Map<Long, long[]> serverThreads() {
    Map<Long, long[]> spent = new java.util.HashMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("http-nio") || info.getThreadName().startsWith("heavy-work"))) {
        spent.put(info.getThreadId(), new long[] {threads.getThreadCpuTime(info.getThreadId()),
            threads.getThreadAllocatedBytes(info.getThreadId())});
      }
    }
    return spent;
  }

  private long[] spentSince(Map<Long, long[]> before) {
    long cpu = 0;
    long allocated = 0;
    for (Map.Entry<Long, long[]> now : serverThreads().entrySet()) {
      long[] then = before.getOrDefault(now.getKey(), new long[2]);
      cpu += Math.max(0, now.getValue()[0] - then[0]);
      allocated += Math.max(0, now.getValue()[1] - then[1]);
    }
    return new long[] {cpu, allocated};
  }

  private int startDistribution(int year, String fileName, String base64) {
    return post("province", "/engine-rest/process-definition/key/quota-distribution/start",
        "{\"variables\":{\"year\":{\"value\":" + year + ",\"type\":\"Integer\"},\"allocationSource\":{\"value\":"
            + "\"upload\"},\"allocationFile\":{\"value\":\"" + base64
            + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"" + fileName + "\"}}}}");
  }

  private static int status(int status) {
    return status;
  }

  private int post(String user, String path, String json) {
    return send(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8), false);
  }

  private int postBytes(String user, String path, byte[] body) {
    return send(user, path, "application/pdf", body, false);
  }

  private static byte[] chunkedBody(int bytes) {
    byte[] block = ("\"" + "x".repeat(1021) + "\",").repeat(64).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"variables\":{\"x\":{\"value\":[".getBytes(StandardCharsets.US_ASCII));
    for (int sent = 0; sent < bytes; sent += block.length) {
      body.writeBytes(block);
    }
    body.writeBytes("\"x\"]}}}".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private int send(String user, String path, String type, byte[] body, boolean chunked) {
    try {
      HttpURLConnection connection = (HttpURLConnection) new URI(http.getRootUri() + path).toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      if (chunked) {
        connection.setChunkedStreamingMode(64 * 1024);
      } else {
        connection.setFixedLengthStreamingMode(body.length);
      }
      connection.setRequestProperty("Content-Type", type);
      connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      } catch (IOException cutOff) {
        // the server may answer and stop reading before the whole body is sent
      }
      int status = connection.getResponseCode();
      try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status;
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  private static byte[] xlsx(int rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("附件1");
      Row header = sheet.createRow(0);
      String[] names = {"单位", "培训任务（人次）", "取证人数（人）", "其中高级工及以上（人）", "1+X证书取证人数（人）"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("单位" + r);
        for (int c = 1; c < names.length; c++) {
          row.createCell(c).setCellValue(r % 1000);
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
    return out.toByteArray();
  }
}
