package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch review's 数字突增: this month against the unit's accepted earlier months of the year. */
class ReportReviewJumpTest {

  @Test
  void aMonthMoreThanThreeTimesTheEarlierAverageAndAHundredAboveItJumps() {
    List<MonthlyReport> earlier = List.of(month(3, 100, 40), month(4, 140, 40)); // averages 120 and 40
    assertThat(ReportReview.jumps(new Figures(361, 40, 0, 0), earlier)).containsExactly(
        "本月培训任务 361 人次，是此前 2 个月已通过月份平均数（120）的 3 倍以上");
    assertThat(ReportReview.jumps(new Figures(360, 40, 0, 0), earlier)).as("three times is no jump").isEmpty();
    assertThat(ReportReview.jumps(new Figures(100, 139, 0, 0), earlier))
        .as("more than three times 40, but less than 100 above it").isEmpty();
    assertThat(ReportReview.jumps(new Figures(100, 141, 0, 0), earlier)).singleElement().asString()
        .startsWith("本月取证人数 141 人");
  }

  @Test
  void theFirstAcceptedMonthHasNothingToJumpFrom() {
    assertThat(ReportReview.jumps(new Figures(5000, 4000, 0, 0), List.of())).isEmpty();
  }

  private static MonthlyReport month(int month, int training, int certification) {
    MonthlyReport report = new MonthlyReport(ReportPeriod.of(2063, month), "u029");
    report.submit(new MonthlyReportEntry(List.of(0, 0, 0, 0), new Figures(training, certification, 0, 0), "张敏",
        "0371-69691788"), List.of(0, 0, 0, 0), "u029-filer", Instant.EPOCH);
    return report;
  }
}
