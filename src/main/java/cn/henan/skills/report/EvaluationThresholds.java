package cn.henan.skills.report;

import cn.henan.skills.rules.DecisionTables;
import cn.henan.skills.rules.RuleDecisions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The evaluation's thresholds for a year and indicator, as the decision table {@code evaluation-thresholds} says. */
@Component
public class EvaluationThresholds {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @param slowMarginPoints percentage points behind the time progress beyond which an indicator is slow
   * @param lowSharePercent  the bottom share of a ranking group that is low, in percent
   * @param lowLabel         how the findings call that share (“后十分之一”)
   */
  public record Thresholds(BigDecimal slowMarginPoints, BigDecimal lowSharePercent, String lowLabel) {
    /** How many of {@code rated} units the bottom share holds: ⌊rated × share / 100⌋ (0 names none). */
    int lowCount(int rated) {
      return BigDecimal.valueOf(rated).multiply(lowSharePercent).divide(HUNDRED, 0, RoundingMode.FLOOR).intValue();
    }
  }

  private final DecisionTables tables;

  public EvaluationThresholds(DecisionTables tables) {
    this.tables = tables;
  }

  /** @param indicator {@link RuleDecisions#SKILLS} or {@link RuleDecisions#ONE_PLUS_X} */
  public Thresholds of(int year, String indicator) {
    Map<String, Object> row = tables.single(RuleDecisions.EVALUATION_THRESHOLDS,
        Map.of(RuleDecisions.YEAR, year, RuleDecisions.INDICATOR, indicator));
    String lowLabel = row.get(RuleDecisions.LOW_LABEL) == null ? "" : row.get(RuleDecisions.LOW_LABEL).toString();
    return new Thresholds(number(row, RuleDecisions.SLOW_MARGIN_POINTS), number(row, RuleDecisions.LOW_SHARE_PERCENT),
        lowLabel);
  }

  private static BigDecimal number(Map<String, Object> row, String output) {
    if (!(row.get(output) instanceof Number n)) {
      throw new IllegalStateException("规则表" + DecisionTables.name(RuleDecisions.EVALUATION_THRESHOLDS) + "的“"
          + output + "”没有给出数字。");
    }
    // a double's 10.0 reads “10” in the findings, as the setting always did
    BigDecimal value = new BigDecimal(n.toString()).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
