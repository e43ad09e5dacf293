package cn.henan.skills.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.henan.skills.pdf.Scans;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.FileSystemUtils;

/**
 * The project's own browser suite ({@code src/test/browser/suite.mjs}, Playwright with Debian's Chromium): every user
 * task form of every model opened in Tasklist as its user, filled and completed along the year's chain, Cockpit and the
 * app's pages, in a zh-CN browser; English left on a page fails it (or is reported while its translation is pending).
 * Screenshots of each step in {@code target/browser/}.
 *
 * <p>The whole application as the default profile runs it — demo clock from 2022-03-02, job executor on — with a fresh
 * embedded PostgreSQL: its own Spring context, so it runs after the classes sharing {@code @SkillsHenanTest}'s context
 * and is closed afterwards, before {@code DeadlinesTest} (last, see junit-platform.properties). The suite asks for the
 * stamped scan of a signed report on its output ({@code SCAN-REQUEST <key> <file>}, with {@code faint-seal} for a seal
 * too pale to be recognised); this test prints, stamps and scans the report PDF ({@link Scans}) into that file.
 *
 * <p>Without Chromium ({@code /usr/bin/chromium}, or env {@code CHROMIUM}) the test is skipped, unless env {@code CI}
 * is set or {@code -Dbrowser.required=true}: then it fails. Node.js is needed in either case when Chromium is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "skills-henan.database.data-directory=",
    "skills-henan.demo-clock.enabled=true",
    "skills-henan.demo-clock.start=2022-03-02T09:00:00+08:00",
    "camunda.bpm.job-execution.enabled=true"})
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class BrowserSuiteTest {
  static final String INSTALL = "install Debian's chromium: apt-get install -y chromium (and fonts-wqy-zenhei for"
      + " Chinese in the screenshots), or set CHROMIUM to a Chromium binary";
  static final Path SUITE = Path.of("src/test/browser/suite.mjs");
  static final Path SHOTS = Path.of("target/browser");

  @LocalServerPort int port;
  @Autowired ReportDocuments documents;

  @AfterAll
  static void realTime() {
    ClockUtil.reset();
  }

  static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  /** Before the application starts: without Chromium there is nothing to start it for. */
  @BeforeAll
  static void chromiumInstalled() {
    if (!new File(CHROMIUM).canExecute()) {
      boolean required = System.getenv("CI") != null || Boolean.getBoolean("browser.required");
      if (required) {
        fail("No Chromium at " + CHROMIUM + ": " + INSTALL);
      }
      String skipped = "No Chromium at " + CHROMIUM + ", browser suite skipped: " + INSTALL;
      System.out.println(skipped); // Surefire does not list a class skipped before its first test
      Assumptions.abort(skipped);
    }
  }

  @Test
  void everyFormOpensFillsAndCompletesInChromium() throws Exception {
    String chromium = CHROMIUM;
    assertThat(SUITE).as("the suite").exists();
    assertThat(Path.of("src/test/browser/node_modules/playwright-core")).as("playwright-core, installed by the"
        + " build's npm ci (pom.xml, execution browser-suite-npm-ci); run: cd src/test/browser && npm ci").exists();
    FileSystemUtils.deleteRecursively(SHOTS); // the screenshots of this run only
    Files.createDirectories(SHOTS);

    ProcessBuilder builder = new ProcessBuilder("node", SUITE.toString()).redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("SHOTS", SHOTS + "/");
    builder.environment().put("CHROMIUM", chromium);
    builder.environment().put("SCAN_REQUESTS", "stdout");
    long started = System.nanoTime();
    Process node = builder.start();
    List<String> failures = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        System.out.println("[browser] " + line);
        if (line.startsWith("SCAN-REQUEST ")) {
          String[] request = line.split(" ");
          writeScan(request[1], Path.of(request[2]), request.length > 3 && request[3].equals("faint-seal"));
        } else if (line.startsWith("FAILURE ")) {
          failures.add(line.substring("FAILURE ".length()));
        }
      }
    } finally {
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    System.out.printf("browser suite: exit %d after %.1f s; screenshots and summary.txt in %s%n", node.exitValue(),
        (System.nanoTime() - started) / 1e9, SHOTS.toAbsolutePath());
    assertThat(failures).as("the browser suite's failures (screenshots in %s)", SHOTS.toAbsolutePath()).isEmpty();
    assertThat(node.exitValue()).as("exit code of node %s", SUITE).isZero();
  }

  /**
   * The report PDF of the signed version, printed, stamped and scanned as a unit does (with a faint seal, one too pale
   * to be recognised as red ink); written atomically.
   */
  private void writeScan(String businessKey, Path target, boolean faintSeal) throws IOException {
    byte[] pdf = documents.latest(businessKey, ReportDocument.Kind.REPORT_PDF)
        .orElseThrow(() -> new IllegalStateException("no report PDF for " + businessKey)).getContent();
    Path temporary = target.resolveSibling(target.getFileName() + ".part");
    Files.createDirectories(target.getParent());
    Files.write(temporary, faintSeal ? Scans.scan(pdf, 150, 0.8, 7, Scans.seal(42, 81, 51, 35)) : Scans.scan(pdf));
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
