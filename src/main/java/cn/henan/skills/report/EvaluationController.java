package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.rules.RuleDecisions;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/evaluation/2022-05}: the month's evaluation (see {@link Evaluation}). The province groups see every
 * unit; a city or county bureau sees its own entry and its schools'; anyone else is refused (403).
 */
@RestController
@RequestMapping("/api/evaluation")
class EvaluationController {
  private final Evaluation evaluation;
  private final UnitRegistry units;
  private final People people;

  EvaluationController(Evaluation evaluation, UnitRegistry units, People people) {
    this.evaluation = evaluation;
    this.units = units;
    this.people = people;
  }

  record IndicatorView(Integer annualTask, long cumulative, BigDecimal rate, boolean slow, boolean low) {
  }

  record UnitView(String code, String name, String kind, String city, Map<String, IndicatorView> indicators,
      boolean late, boolean missing, List<String> findings) {
  }

  /**
   * The evaluation of one month of one year (units under their names of that year); {@code thresholds}: what the
   * decision table evaluation-thresholds said for this year, by indicator (skills, onePlusX).
   */
  record EvaluationView(int year, String month, BigDecimal timeProgress, BigDecimal threshold,
      Map<String, EvaluationThresholds.Thresholds> thresholds, List<UnitView> units,
      List<Evaluation.Listed> slowUnits, List<Evaluation.Listed> lowUnits, List<Evaluation.Listed> slowOnePlusX,
      List<Evaluation.Listed> lowOnePlusX, List<Evaluation.Listed> lateUnits, List<Evaluation.Listed> missingUnits,
      List<Evaluation.Listed> certificateFindings) {
  }

  @GetMapping("/{month}")
  EvaluationView evaluation(@PathVariable String month) {
    ReportPeriod period;
    try {
      period = ReportPeriod.parse(month);
      Evaluation.timeProgress(period);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    Viewer viewer = people.signedIn();
    Evaluation.Result result;
    if (viewer.seesAllUnits()) {
      result = evaluation.evaluate(period);
    } else {
      Set<String> bureaus = viewer.ownUnits().stream().map(units::find)
          .flatMap(Optional::stream).filter(u -> u.getKind().isBureau())
          .map(Unit::getCode).collect(Collectors.toSet());
      if (bureaus.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有省级用户和市、县教育局可以查看评估结果。");
      }
      Set<String> visible = new HashSet<>(bureaus);
      bureaus.forEach(b -> units.schoolsOf(b).forEach(s -> visible.add(s.getCode())));
      result = evaluation.evaluate(period).restrictedTo(visible::contains);
    }
    return new EvaluationView(period.year(), period.key(), result.timeProgress(), result.threshold(),
        Map.of(RuleDecisions.SKILLS, result.skills(), RuleDecisions.ONE_PLUS_X, result.onePlusX()),
        result.units().stream().map(EvaluationController::view).toList(), result.slowUnits(), result.lowUnits(),
        result.slowOnePlusX(), result.lowOnePlusX(), result.lateUnits(), result.missingUnits(),
        result.certificateFindings());
  }

  private static UnitView view(Evaluation.UnitResult unit) {
    Map<String, IndicatorView> indicators = new LinkedHashMap<>();
    unit.indicators().forEach((indicator, r) -> indicators.put(indicator.key(),
        new IndicatorView(r.annualTask(), r.cumulative(), r.rate(), r.slow(), r.low())));
    return new UnitView(unit.code(), unit.name(), unit.kind().code(), unit.cityCode(), indicators, unit.late(),
        unit.missing(), unit.findings());
  }
}
