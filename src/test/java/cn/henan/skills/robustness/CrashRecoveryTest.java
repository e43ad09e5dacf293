package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the application twice: first while the opening timers of two units' ten months (and the reminders
 * and deadlines of the months already past) fire together after the year is published, then with reports at every
 * step. Each time it is started again on the same database: every timer that was due fires exactly once, every report
 * is where it was, no task is lost or doubled.
 */
class CrashRecoveryTest {
  /** A year whose months have all opened by now, so every opening timer is due at once. */
  private static final int YEAR = 2026;

  @Test
  void aKilledApplicationResumesEveryReportAndFiresEachDueTimerOnce() throws Exception {
    try (ApplicationProcess app = new ApplicationProcess(YEAR)) {
      app.start("run-1");
      // publishing starts both units' years, whether or not they receive them: twenty opening timers fall due at
      // once, and the process dies among them
      app.publish("河南理工大学,500,450,300,90\n河南工业大学,600,500,300,90\n");
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
          .until(() -> !app.reportKeys().isEmpty());
      app.kill();
      long openedBeforeTheCrash = app.reportKeys().size();

      app.start("run-2");
      app.awaitIdle();
      List<String> keys = app.reportKeys();
      assertThat(keys).as("each month of each unit opened exactly once").hasSize(20).doesNotHaveDuplicates();
      assertThat(app.sql("select count(*) from monthly_report where year = " + YEAR))
          .as("the reports' rows, one a month").isEqualTo(20);
      assertThat(app.sql("select count(*) from (select report_id, kind from monthly_report_event"
          + " where kind in ('LATE', 'REMINDED') group by report_id, kind having count(*) > 1) twice"))
          .as("no reminder or deadline fired twice").isZero();
      assertThat(app.sql("select count(*) from act_ru_job where retries_ = 0")).as("no failed job").isZero();

      // u029's reports at every step: March waits for its reviews, April for its leader, the others are open
      app.fill("u029", YEAR + "-03");
      app.sign("u029", YEAR + "-03");
      app.uploadScan("u029", YEAR + "-03");
      app.fill("u029", YEAR + "-04");
      Map<String, List<String>> before = app.openTasks();
      assertThat(before.get(YEAR + "-03/u029")).containsExactlyInAnyOrder(
          "审核 2026年3月 培训取证数据（河南理工大学）", "审核 2026年3月 1+X证书数据（河南理工大学）");
      assertThat(before.get(YEAR + "-04/u029")).containsExactlyInAnyOrder(
          "组长签字 2026年4月 进度月报（河南理工大学）", "撤回 2026年4月 进度月报（河南理工大学，组长签字前可用）");
      app.kill();

      app.start("run-3");
      app.awaitIdle();
      Map<String, List<String>> after = app.openTasks();
      for (String key : before.keySet()) {
        assertThat(after.get(key)).as(key + " where it was").containsExactlyInAnyOrderElementsOf(before.get(key));
      }
      for (int month = 3; month <= 12; month++) {
        assertThat(after.get(String.format("%d-%02d/u030", YEAR, month))).containsExactly(
            "填报 " + YEAR + "年" + month + "月 进度月报（河南工业大学）");
      }
      assertThat(app.sql("select count(*) from act_ru_job where retries_ = 0")).as("no failed job").isZero();
      System.out.printf("crash recovery: killed with %d of the 20 reports opened; after the restart 20 reports,"
          + " every due timer fired once%n", openedBeforeTheCrash);
    }
  }
}
