package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task's completion asks for its report and the unit's accepted figures several times in one transaction; the
 * second asking is answered from the transaction (natural id, memo), yet a change the transaction makes is seen at
 * once.
 */
@SkillsHenanTest
class AnswersWithinATransactionTest {
  private static final int YEAR = 2067;
  private static final String UNIT = "u029";

  @Autowired MonthlyReports reports;
  @Autowired TransactionTemplate transaction;

  @Test
  void anAcceptanceWithinTheTransactionCountsAtOnce() {
    ReportPeriod march = ReportPeriod.of(YEAR, 3);
    ReportPeriod april = ReportPeriod.of(YEAR, 4);
    transaction.executeWithoutResult(status -> {
      MonthlyReport opened = reports.open(march, UNIT);
      assertThat(reports.find(march.key() + "/" + UNIT)).as("a report opened in this transaction is found")
          .containsSame(opened);
      assertThat(reports.acceptedBefore(april, Set.of(UNIT))).isEqualTo(Figures.ZERO);

      reports.submit(opened.getBusinessKey(), new MonthlyReportEntry(List.of(0, 0, 0, 0),
          new Figures(120, 80, 0, 10), "张敏", "0371-69691788"), List.of(0, 0, 0, 0), UNIT + "-filer");
      reports.sign(opened.getBusinessKey(), UNIT + "-leader", "组长");
      assertThat(reports.acceptedBefore(april, Set.of(UNIT))).as("signed, not accepted").isEqualTo(Figures.ZERO);
      reports.accept(opened.getBusinessKey(), "province");

      assertThat(reports.acceptedBefore(april, Set.of(UNIT))).as("accepted in this very transaction")
          .isEqualTo(new Figures(120, 80, 0, 10));
      assertThat(reports.find(opened.getBusinessKey())).get().extracting(MonthlyReport::getStatus)
          .isEqualTo(MonthlyReport.Status.ACCEPTED);
    });
    assertThat(reports.acceptedBefore(april, Set.of(UNIT))).as("and committed").isEqualTo(new Figures(120, 80, 0, 10));
  }
}
