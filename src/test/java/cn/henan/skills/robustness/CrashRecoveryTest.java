package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the application in the middle of a monthly round: with reports at every step and the opening
 * timers of a unit's ten months due, the process is killed without warning and started again on the same database:
 * every report is where it was, no task is lost or doubled, and every timer that was due fires exactly once.
 */
class CrashRecoveryTest {
  /** A year whose months have all opened by now, so every opening timer is due at once. */
  private static final int YEAR = 2026;

  @Test
  void aKilledApplicationResumesEveryReportAndFiresEachDueTimerOnce() throws Exception {
    try (ApplicationProcess app = new ApplicationProcess(YEAR)) {
      app.start("run-1");
      app.publish("河南理工大学,500,450,300,90\n河南工业大学,600,500,300,90\n");
      app.receive("u029");
      app.awaitIdle();
      assertThat(app.reportKeys()).hasSize(10);

      // u029's reports at every step: March waits for its reviews, April for its leader, the others are open
      app.fill("u029", YEAR + "-03");
      app.sign("u029", YEAR + "-03");
      app.uploadScan("u029", YEAR + "-03");
      app.fill("u029", YEAR + "-04");
      Map<String, List<String>> before = app.openTasks();
      assertThat(before.get(YEAR + "-03/u029")).containsExactlyInAnyOrder("审核培训取证数据", "审核1+X证书数据");
      assertThat(before.get(YEAR + "-04/u029")).containsExactlyInAnyOrder("组长签字", "撤回月报（组长签字前可用）");

      // u030 receives its year: ten opening timers fall due at once, and the process dies among them
      app.receive("u030");
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
          .until(() -> app.reportKeys().stream().anyMatch(k -> k.endsWith("/u030")));
      app.kill();
      long openedBeforeTheCrash = app.reportKeys().stream().filter(k -> k.endsWith("/u030")).count();

      app.start("run-2");
      app.awaitIdle();
      Map<String, List<String>> after = app.openTasks();
      for (String key : before.keySet()) {
        assertThat(after.get(key)).as(key + " where it was").containsExactlyInAnyOrderElementsOf(before.get(key));
      }
      List<String> keys = app.reportKeys();
      assertThat(keys).as("each month of each unit opened exactly once").hasSize(20).doesNotHaveDuplicates();
      for (String key : keys) {
        if (key.endsWith("/u030")) {
          assertThat(after.get(key)).as(key).containsExactly("填报月度进度");
        }
      }
      assertThat(app.sql("select count(*) from monthly_report where unit_code = 'u030' and year = " + YEAR))
          .as("the reports' rows, one a month").isEqualTo(10);
      assertThat(app.sql("select count(*) from act_ru_job where retries_ = 0")).as("no failed job").isZero();
      System.out.printf("crash recovery: killed with %d of u030's 10 reports opened; after the restart 20 reports,"
          + " every due timer fired once%n", openedBeforeTheCrash);
    }
  }
}
