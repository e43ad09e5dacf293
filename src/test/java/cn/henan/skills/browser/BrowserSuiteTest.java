package cn.henan.skills.browser;

import cn.henan.skills.pdf.Scans;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

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
  static final Path SUITE = Path.of("src/test/browser/suite.mjs");
  static final Path SHOTS = Path.of("target/browser");

  @LocalServerPort int port;
  @Autowired ReportDocuments documents;

  @AfterAll
  static void realTime() {
    ClockUtil.reset();
  }

  /** Before the application starts: without Chromium there is nothing to start it for. */
  @BeforeAll
  static void chromiumInstalled() {
    BrowserRun.requireChromium();
  }

  @Test
  void everyFormOpensFillsAndCompletesInChromium() throws Exception {
    BrowserRun.run(SUITE, port, SHOTS, Map.of("SCAN_REQUESTS", "stdout"), line -> {
      if (line.startsWith("SCAN-REQUEST ")) {
        String[] request = line.split(" ");
        writeScan(request[1], Path.of(request[2]), request.length > 3 && request[3].equals("faint-seal"));
      }
    });
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
