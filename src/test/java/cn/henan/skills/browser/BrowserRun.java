package cn.henan.skills.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * Runs a script of the browser suite ({@code src/test/browser/*.mjs}, Playwright with Debian's Chromium) against an
 * application a test has started: its output goes to the test's, a line {@code FAILURE …} fails the test, and so does
 * an exit code other than 0. Used by {@link BrowserSuiteTest} (default profile) and the keycloak profile's browser test.
 */
public final class BrowserRun {
  static final String INSTALL = "install Debian's chromium: apt-get install -y chromium (and fonts-wqy-zenhei for"
      + " Chinese in the screenshots), or set CHROMIUM to a Chromium binary";
  public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  /** What the script printed besides its failures, line by line (e.g. a request the test answers). */
  @FunctionalInterface
  public interface Lines {
    void line(String line) throws IOException;
  }

  private BrowserRun() {
  }

  /**
   * Before the application starts: without Chromium there is nothing to start it for. The test is skipped, unless env
   * {@code CI} is set or {@code -Dbrowser.required=true}: then it fails. Node.js is needed when Chromium is there.
   */
  public static void requireChromium() {
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

  /**
   * Runs {@code node script} with the application's base URL, Chromium and a fresh screenshot folder, plus the given
   * environment; fails the test on any {@code FAILURE} line or a non-zero exit. Returns the wall time in seconds.
   */
  public static double run(Path script, int port, Path shots, Map<String, String> environment, Lines lines)
      throws IOException, InterruptedException {
    assertThat(script).as("the browser script").exists();
    assertThat(Path.of("src/test/browser/node_modules/playwright-core")).as("playwright-core, installed by the"
        + " build's npm ci (pom.xml, execution browser-suite-npm-ci); run: cd src/test/browser && npm ci").exists();
    FileSystemUtils.deleteRecursively(shots); // the screenshots of this run only
    Files.createDirectories(shots);

    ProcessBuilder builder = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("SHOTS", shots + "/");
    builder.environment().put("CHROMIUM", CHROMIUM);
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process node = builder.start();
    List<String> failures = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        System.out.println("[browser] " + line);
        if (line.startsWith("FAILURE ")) {
          failures.add(line.substring("FAILURE ".length()));
        } else {
          lines.line(line);
        }
      }
    } finally {
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%s: exit %d after %.1f s; screenshots and summary.txt in %s%n", script.getFileName(),
        node.exitValue(), seconds, shots.toAbsolutePath());
    assertThat(failures).as("the failures of %s (screenshots in %s)", script, shots.toAbsolutePath()).isEmpty();
    assertThat(node.exitValue()).as("exit code of node %s", script).isZero();
    return seconds;
  }
}
