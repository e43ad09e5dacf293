package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.review.BatchReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/**
 * Batch acceptance against one by one, for the 171 units of the shipped table published for {@value #YEAR}: March's
 * 171 reports are accepted in both lanes with the batch review ({@link BatchReview}: the list, then one acceptance of
 * all 171, as province and as onex); April's 171 one by one as a person does in Tasklist (find the task, claim, submit
 * the review form with 通过, as that user through the Java API). Both months end every report accepted; printed are
 * the wall times and the JDBC statements per report of each way. Run with {@code mvn -B -o test -Pbench}.
 */
@SkillsHenanTest
@Import(StatementCounting.class)
class BatchReviewBenchmark {
  static final int YEAR = 2065;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReports reports;
  @Autowired BatchReview batchReview;
  @Autowired SqlStatistics sql;

  private final StringBuilder out = new StringBuilder();

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void batchAgainstOneByOne() throws IOException {
    String table = new ClassPathResource("allocation/allocation-2022.csv").getContentAsString(StandardCharsets.UTF_8);
    driver.publishAllocation(YEAR, table);
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    List<String> units = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream()
        .map(i -> i.getBusinessKey().substring(i.getBusinessKey().indexOf('/') + 1)).sorted().toList();
    assertThat(units).hasSize(171);

    // March: filed, signed, stamped; then the batch review in both lanes
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
    fileAll(units, YEAR + "-03");
    sql.phase("batch list");
    sql.start();
    long start = System.nanoTime();
    List<BatchReview.Waiting> skills = batchReview.waiting(viewer("province"), YEAR + "-03");
    List<BatchReview.Waiting> onePlusX = batchReview.waiting(viewer("onex"), YEAR + "-03");
    long list = System.nanoTime() - start;
    sql.phase("batch accept");
    start = System.nanoTime();
    BatchReview.Outcome skillsDone = batchReview.accept(viewer("province"), items(skills));
    BatchReview.Outcome onePlusXDone = batchReview.accept(viewer("onex"), items(onePlusX));
    long batch = System.nanoTime() - start;
    sql.stop();
    assertThat(skillsDone.accepted()).hasSize(171);
    assertThat(onePlusXDone.accepted()).hasSize(171);
    units.forEach(unit -> assertThat(reports.find(YEAR + "-03/" + unit).orElseThrow().getStatus())
        .isEqualTo(MonthlyReport.Status.ACCEPTED));

    // April: the same 171 one by one, as a person in Tasklist
    driver.moveClockTo(LocalDate.of(YEAR, 4, 1), unitYears);
    fileAll(units, YEAR + "-04");
    sql.phase("one by one");
    sql.start();
    start = System.nanoTime();
    for (String unit : units) {
      oneByOne("province", "province-edu", YEAR + "-04/" + unit, "skillsReviewDecision");
    }
    for (String unit : units) {
      oneByOne("onex", "province-1x", YEAR + "-04/" + unit, "onePlusXReviewDecision");
    }
    long single = System.nanoTime() - start;
    sql.stop();
    units.forEach(unit -> assertThat(reports.find(YEAR + "-04/" + unit).orElseThrow().getStatus())
        .isEqualTo(MonthlyReport.Status.ACCEPTED));

    long listed = sql.counts("batch list").statements();
    long accepted = sql.counts("batch accept").statements();
    long oneByOne = sql.counts("one by one").statements();
    line("Batch review benchmark: %d reports, both review lanes (2 x %d review tasks)", units.size(), units.size());
    line("  batch list (both lanes)     %8.1f s  %8.1f ms/report  %7.1f statements/report", list / 1e9,
        list / 1e6 / units.size(), listed / (double) units.size());
    line("  batch accept (both lanes)   %8.1f s  %8.1f ms/report  %7.1f statements/report", batch / 1e9,
        batch / 1e6 / units.size(), accepted / (double) units.size());
    line("  batch list + accept         %8.1f s  %8.1f ms/report  %7.1f statements/report", (list + batch) / 1e9,
        (list + batch) / 1e6 / units.size(), (listed + accepted) / (double) units.size());
    line("  one by one (find, claim, submit) %5.1f s  %8.1f ms/report  %7.1f statements/report", single / 1e9,
        single / 1e6 / units.size(), oneByOne / (double) units.size());
    write();
  }

  private void fileAll(List<String> units, String month) {
    for (String unit : units) {
      // 10 a month: no unit's month is then more than three times what is left of its year (a warning to confirm)
      driver.complete(unit + "-filer", driver.task(month + "/" + unit, unit + "-filer"),
          Driver.reportFigures(10, 0, 0, 0));
      driver.signAndUploadScan(month + "/" + unit, unit);
    }
  }

  /** What Tasklist does for one review: the reviewer's open task of the report, claim, the form with 通过. */
  private void oneByOne(String user, String group, String key, String decision) {
    driver.as(user, () -> {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup(group)
          .singleResult();
      taskService.claim(task.getId(), user);
      formService.submitTaskForm(task.getId(), Map.of(decision, "accept"));
      return null;
    });
  }

  private static List<BatchReview.Item> items(List<BatchReview.Waiting> waiting) {
    return waiting.stream().map(w -> new BatchReview.Item(w.taskId(), w.token())).toList();
  }

  private Viewer viewer(String user) {
    return new Viewer(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private void write() throws IOException {
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "batch-review-benchmark.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
