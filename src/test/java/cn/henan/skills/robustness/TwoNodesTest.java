package cn.henan.skills.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL, as Camunda 7 scales out: each its own port and job executor, nothing
 * shared but the database. A job runs on the node whose request created it (Camunda hints its own job executor), so
 * each node works through the timers of the year it published; a report is carried through its steps over both
 * nodes' REST; and a node killed while it works through a year's timers loses nothing: the other takes over the jobs
 * the dead one had locked once their lock runs out, and every timer fires exactly once.
 */
class TwoNodesTest {
  /** Years whose months have all opened by now: publishing one makes every opening, reminder and deadline due. */
  private static final int YEAR = 2026;
  private static final int EARLIER_YEAR = 2025;
  private static final String SIX_UNITS = """
      河南理工大学,500,450,300,90
      河南工业大学,600,500,300,90
      河南科技学院,400,350,100,60
      商丘师范学院,300,260,60,40
      周口师范学院,350,300,80,50
      河南城建学院,320,280,70,45
      """;

  @Test
  void twoNodesShareTheTimersAndANodeKilledAtWorkLosesNothing() throws Exception {
    try (ApplicationProcess cluster = new ApplicationProcess(YEAR)) {
      // a rolling start: the first node deploys the models, the second finds them deployed
      cluster.start(0, "two-nodes-node-0");
      cluster.start(1, "two-nodes-node-1");
      assertThat(cluster.sql("select count(distinct deployment_id_) from act_re_procdef where key_ = 'monthly-report'"))
          .as("the second node deployed nothing again").isEqualTo(1);

      cluster.publish(SIX_UNITS);
      cluster.awaitIdle();
      assertFiredOnce(cluster, YEAR);

      // one report over both nodes: filled and signed through node 0, uploaded and reviewed through node 1
      String march = YEAR + "-03";
      cluster.fill("u029", march);
      cluster.sign("u029", march);
      cluster.serveFrom(1);
      cluster.uploadScan("u029", march);
      cluster.review("u029", march);
      assertThat(cluster.rows("select status from monthly_report where year = " + YEAR
          + " and month = 3 and unit_code = 'u029'")).containsExactly("ACCEPTED");

      // node 1 publishes another year and dies while it works through its sixty openings, reminders and deadlines;
      // node 0 takes over the jobs node 1 had locked once their lock runs out
      String since = cluster.rows("select now()::text").get(0);
      cluster.publish(EARLIER_YEAR, SIX_UNITS);
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
          .until(() -> !cluster.reportKeys(EARLIER_YEAR).isEmpty());
      cluster.kill(1);
      long doneByNode1 = jobsDone(cluster, "node-1", since);
      long openedWhenKilled = cluster.reportKeys(EARLIER_YEAR).size();
      cluster.serveFrom(0);
      cluster.awaitIdle();
      assertFiredOnce(cluster, EARLIER_YEAR);
      assertThat(jobsDone(cluster, "node-0", since)).as("node 0 finished the year node 1 began").isPositive();
      assertThat(cluster.tasks("u030-filer", EARLIER_YEAR + "-12/u030")).as("December is open for u030").hasSize(1);
      System.out.printf("two nodes: node 1 killed after %d jobs with %d of %d's 60 reports opened; node 0 did the"
          + " other %d%n", doneByNode1, openedWhenKilled, EARLIER_YEAR, jobsDone(cluster, "node-0", since));
    }
  }

  /** Jobs this node executed successfully since then (Camunda writes the node's name into its job log). */
  private static long jobsDone(ApplicationProcess cluster, String node, String since) throws Exception {
    return cluster.sql("select count(*) from act_hi_job_log where hostname_ = '" + node + "' and job_state_ = 2"
        + " and timestamp_ > '" + since + "'");
  }

  /** Ten months for each of the six units, each opened once, no reminder or deadline twice, no job failed. */
  private static void assertFiredOnce(ApplicationProcess cluster, int year) throws Exception {
    List<String> keys = cluster.reportKeys(year);
    assertThat(keys).as("each month of each unit opened exactly once").hasSize(60).doesNotHaveDuplicates();
    assertThat(cluster.sql("select count(*) from monthly_report where year = " + year))
        .as("the reports' rows, one a month").isEqualTo(60);
    assertThat(cluster.sql("select count(*) from (select report_id, kind from monthly_report_event"
        + " where kind in ('LATE', 'REMINDED') group by report_id, kind having count(*) > 1) twice"))
        .as("no reminder or deadline fired twice").isZero();
    assertThat(cluster.sql("select count(*) from act_ru_job where retries_ = 0")).as("no failed job").isZero();
  }
}
