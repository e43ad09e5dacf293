package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.report.Evaluation.AnnualTasks;
import cn.henan.skills.report.Evaluation.Listed;
import cn.henan.skills.report.Evaluation.Result;
import cn.henan.skills.report.Evaluation.Rules;
import cn.henan.skills.report.Evaluation.UnitInput;
import cn.henan.skills.report.Evaluation.UnitResult;
import cn.henan.skills.rules.DecisionTables;
import cn.henan.skills.rules.FileDecisionTables;
import cn.henan.skills.rules.RuleDecisions;
import cn.henan.skills.rules.TableEdits;
import cn.henan.skills.unit.UnitKind;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure evaluation over a constructed data set for May (time progress 30 %, slow below 20 %): 12 higher-vocational
 * units, one vocational undergraduate, one undergraduate, 3 provincial secondary schools, 2 cities with schools. The
 * rules are the decision tables of {@code bpmn/}, run by the DMN engine alone.
 */
class EvaluationTest {
  static final ReportPeriod MAY = ReportPeriod.of(2038, 5);
  static final AnnualTasks HIGHER = new AnnualTasks(1000, 100, 50, 100);
  static final AnnualTasks SECONDARY = new AnnualTasks(1000, 100, null, 100);
  static final AnnualTasks CITY = new AnnualTasks(3000, 2000, null, 400);

  static List<UnitInput> dataSet() {
    List<UnitInput> units = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String code = String.format("h%02d", i);
      long training = switch (i) {
        case 1 -> 50;   // 5 %: slow and the lowest
        case 2 -> 150;  // 15 %: slow, not lowest
        default -> 400;
      };
      long certification = i == 3 || i == 4 ? 10 : 40; // h03, h04 tie at 10 %
      long advanced = switch (i) {
        case 3, 4 -> 5;  // 10 % of the task, 50 % share (not named)
        case 5 -> 10;    // 20 % of the task: exactly 10 points behind, not slow; share 25 %: named
        default -> 20;
      };
      long onePlusX = switch (i) {
        case 6 -> 5;
        case 7 -> 15;
        default -> 40;
      };
      boolean filed = i != 9 && i != 10;
      boolean late = i == 8 || i == 10;
      units.add(new UnitInput(code, "高职" + i, UnitKind.HIGHER_VOCATIONAL, null, HIGHER,
          new Figures(training, certification, advanced, onePlusX), filed, late));
    }
    units.add(new UnitInput("v01", "职业本科", UnitKind.VOCATIONAL_UNDERGRADUATE, null, HIGHER,
        new Figures(400, 40, 4, 40), true, false));
    units.add(new UnitInput("b01", "应用型本科", UnitKind.UNDERGRADUATE, null, new AnnualTasks(1000, 100, null, 100),
        new Figures(400, 40, 0, 40), true, false));
    units.add(new UnitInput("p01", "省属中职一", UnitKind.SECONDARY_VOCATIONAL, null, SECONDARY,
        new Figures(400, 40, 3, 40), true, false));
    units.add(new UnitInput("p02", "省属中职二", UnitKind.SECONDARY_VOCATIONAL, null, SECONDARY,
        new Figures(100, 40, 0, 40), true, false));
    units.add(new UnitInput("p03", "省属中职三", UnitKind.SECONDARY_VOCATIONAL, null, SECONDARY,
        new Figures(400, 40, 0, 40), true, false));
    units.add(new UnitInput("c1", "一市", UnitKind.PREFECTURE_CITY, null, CITY,
        new Figures(1200, 800, 2, 160), true, false));
    units.add(new UnitInput("c1-s01", "一市一中专", UnitKind.SECONDARY_VOCATIONAL, "c1", SECONDARY,
        new Figures(400, 40, 0, 40), true, false));
    units.add(new UnitInput("c1-s02", "一市二中专", UnitKind.SECONDARY_VOCATIONAL, "c1", SECONDARY,
        new Figures(100, 40, 2, 40), true, false));
    units.add(new UnitInput("c2", "二市", UnitKind.PREFECTURE_CITY, null, CITY,
        new Figures(300, 800, 0, 160), true, false));
    units.add(new UnitInput("c2-s01", "二市一中专", UnitKind.SECONDARY_VOCATIONAL, "c2", SECONDARY,
        new Figures(300, 40, 0, 40), false, false));
    return units;
  }

  static Rules rules(DecisionTables tables) {
    return Rules.of(MAY.year(), new EvaluationThresholds(tables), new CertificateLevelPolicy(tables));
  }

  static Rules shipped() {
    return rules(FileDecisionTables.shipped());
  }

  @Test
  void timeProgressIsMarchOneTenthToDecemberTenTenths() {
    assertThat(Evaluation.timeProgress(ReportPeriod.of(2038, 3))).isEqualByComparingTo("10.0");
    assertThat(Evaluation.timeProgress(MAY)).isEqualByComparingTo("30.0");
    assertThat(Evaluation.timeProgress(ReportPeriod.of(2038, 12))).isEqualByComparingTo("100.0");
    assertThatThrownBy(() -> Evaluation.timeProgress(ReportPeriod.of(2038, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesExactlyTheExpectedUnits() {
    Result result = Evaluation.evaluate(MAY, dataSet(), shipped());

    assertThat(result.timeProgress()).isEqualByComparingTo("30.0");
    assertThat(codes(result.slowUnits())).containsExactly(
        "h01", "h02", "h03", "h04", "v01", "p02", "c1-s02", "c2"); // v01: advanced 8 % of its task
    assertThat(codes(result.lowUnits())).containsExactly("h01", "h03", "h04");
    assertThat(codes(result.slowOnePlusX())).containsExactly("h06", "h07");
    assertThat(codes(result.lowOnePlusX())).containsExactly("h06");
    assertThat(codes(result.lateUnits())).containsExactly("h08", "h10");
    assertThat(codes(result.missingUnits())).containsExactly("h09", "h10", "c2-s01");
    assertThat(codes(result.certificateFindings())).containsExactly("h05", "v01", "p01", "c1-s02");
  }

  @Test
  void findingsAreWrittenInChinese() {
    Result result = Evaluation.evaluate(MAY, dataSet(), shipped());

    assertThat(unit(result, "h01").findings()).containsExactly(
        "培训任务完成率 5.0%，低于时间进度 30.0% 超过 10 个百分点",
        "培训任务完成率 5.0%，居高职院校后十分之一：12 个单位中倒数第 1 名");
    // tied at the cut-off: both named, with the same rank
    assertThat(unit(result, "h03").findings()).contains(
        "取证人数完成率 10.0%，居高职院校后十分之一：12 个单位中倒数第 1 名（2 个单位完成率相同，并列）");
    assertThat(unit(result, "h04").indicators().get(Indicator.CERTIFICATION).low()).isTrue();
    assertThat(unit(result, "h05").findings()).containsExactly(
        "高级工及以上占取证人数 25.0%（10 / 40），低于 50% 的要求");
    assertThat(unit(result, "h05").indicators().get(Indicator.ADVANCED).slow()).isFalse();
    assertThat(unit(result, "p01").findings()).containsExactly(
        "中职学校上报高级工及以上证书 3 人；通知要求中职毕业生以取得中级工证书为主，严格控制高级工证书发放，请核实证书等级");
    assertThat(unit(result, "h10").findings()).containsExactly("2038 年 5 月月报未报送", "2038 年 5 月月报逾期未报");
    assertThat(unit(result, "h08").findings()).containsExactly("2038 年 5 月月报逾期报送");
    // 1+X is listed apart, but stays among the unit's findings
    assertThat(unit(result, "h06").findings()).containsExactly(
        "1+X 证书取证人数完成率 5.0%，低于时间进度 30.0% 超过 10 个百分点",
        "1+X 证书取证人数完成率 5.0%，居高职院校后十分之一：12 个单位中倒数第 1 名");
    // undergraduate: no advanced requirement, no finding; a city with schools' advanced is not a school's
    assertThat(unit(result, "b01").findings()).isEmpty();
    assertThat(unit(result, "b01").indicators().get(Indicator.ADVANCED).rate()).isNull();
    assertThat(unit(result, "c1").findings()).isEmpty();
  }

  @Test
  void smallGroupsAndAllEqualGroupsNameNoLowUnits() {
    List<UnitInput> equal = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      equal.add(new UnitInput("e" + i, "e" + i, UnitKind.HIGHER_VOCATIONAL, null, HIGHER,
          new Figures(0, 0, 0, 0), true, false));
    }
    Result result = Evaluation.evaluate(MAY, equal, shipped());
    assertThat(result.lowUnits()).isEmpty();
    assertThat(result.slowUnits()).hasSize(10);

    // 9 rated units of a kind: none is low however far behind
    Result nine = Evaluation.evaluate(MAY, dataSet().subList(0, 9), shipped());
    assertThat(nine.lowUnits()).isEmpty();
  }

  @Test
  void theThresholdsComeFromTheDecisionTables() {
    DmnModelInstance thresholds = FileDecisionTables.shippedModel(RuleDecisions.EVALUATION_THRESHOLDS);
    for (String indicator : new String[] {"\"skills\"", "\"onePlusX\""}) {
      TableEdits.row(thresholds, RuleDecisions.INDICATOR, indicator).output(RuleDecisions.SLOW_MARGIN_POINTS, "20");
    }
    DmnModelInstance policy = FileDecisionTables.shippedModel(RuleDecisions.CERTIFICATE_LEVEL_POLICY);
    TableEdits.row(policy, RuleDecisions.ADVANCED_SHARE_PERCENT, "< 50").input(RuleDecisions.ADVANCED_SHARE_PERCENT,
        "< 25");
    Result result = Evaluation.evaluate(MAY, dataSet(), rules(FileDecisionTables.shipped()
        .use(RuleDecisions.EVALUATION_THRESHOLDS, thresholds).use(RuleDecisions.CERTIFICATE_LEVEL_POLICY, policy)));
    assertThat(codes(result.slowUnits())).containsExactly("h01", "v01");
    assertThat(codes(result.slowOnePlusX())).containsExactly("h06");
    assertThat(unit(result, "h01").findings()).contains("培训任务完成率 5.0%，低于时间进度 30.0% 超过 20 个百分点");
    assertThat(codes(result.certificateFindings())).containsExactly("v01", "p01", "c1-s02");
  }

  @Test
  void aCityBureauSeesItselfAndItsSchools() {
    Result all = Evaluation.evaluate(MAY, dataSet(), shipped());
    Result c1 = all.restrictedTo(code -> code.equals("c1") || code.startsWith("c1-"));
    assertThat(c1.units()).extracting(UnitResult::code).containsExactly("c1", "c1-s01", "c1-s02");
    assertThat(codes(c1.slowUnits())).containsExactly("c1-s02");
    assertThat(c1.missingUnits()).isEmpty();
  }

  static List<String> codes(List<Listed> list) {
    return list.stream().map(Listed::code).toList();
  }

  static UnitResult unit(Result result, String code) {
    return result.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
  }
}
