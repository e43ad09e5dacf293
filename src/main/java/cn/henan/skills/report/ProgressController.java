package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/progress/2022?month=2022-05}: accepted cumulative progress per unit. The province sees every unit;
 * a unit's people see their own unit (a city with its schools).
 */
@RestController
@RequestMapping("/api/progress")
class ProgressController {
  private final Progress progress;
  private final FigureSources sources;
  private final UnitRegistry units;
  private final People people;

  ProgressController(Progress progress, FigureSources sources, UnitRegistry units, People people) {
    this.progress = progress;
    this.sources = sources;
    this.units = units;
    this.people = people;
  }

  record IndicatorView(Integer annualTask, long cumulative, BigDecimal rate) {
  }

  record UnitView(String code, String name, String kind, Map<String, IndicatorView> indicators,
      List<UnitView> schools) {
  }

  record ProgressView(int year, String month, List<UnitView> units, Map<String, IndicatorView> totals) {
  }

  @GetMapping("/{year}")
  ProgressView progress(@PathVariable int year, @RequestParam String month) {
    ReportPeriod period = period(year, month);
    Viewer viewer = people.signedIn();
    // a city's schools come with its entry; a school's own people see their school alone
    Predicate<Unit> visible = u -> viewer.maySee(u.getCode(), u.getParentCode());
    Progress.Overview overview = progress.overview(period, visible);
    return new ProgressView(year, period.key(), overview.units().stream().map(ProgressController::view).toList(),
        viewer.seesAllUnits() ? view(overview.totals()) : null);
  }

  /**
   * {@code GET /api/progress/2022/sources?month=2022-05&indicator=training&unit=u001}: the accepted reports a figure
   * of the progress view is made of (without {@code unit}: the province's total, for the province).
   */
  @GetMapping("/{year}/sources")
  FigureSources.Sources sources(@PathVariable int year, @RequestParam String month, @RequestParam String indicator,
      @RequestParam(required = false) String unit) {
    ReportPeriod period = period(year, month);
    Viewer viewer = people.signedIn();
    Indicator which = Arrays.stream(Indicator.values()).filter(i -> i.key().equals(indicator)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "指标“" + indicator
            + "”不存在，可选 training、certification、advanced、onePlusX。"));
    if (unit == null) {
      if (!viewer.seesAllUnits()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "全省合计的来源只有省级用户可以查看，请指明单位。");
      }
    } else {
      Unit asked = units.find(unit, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
          year + " 年没有单位“" + unit + "”。"));
      if (!viewer.maySee(asked.getCode(), asked.getParentCode())) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "不能查看其他单位（" + asked.getName() + "）的数字来源。");
      }
    }
    return sources.of(period, which, unit, u -> viewer.maySee(u.getCode(), u.getParentCode()));
  }

  private static ReportPeriod period(int year, String month) {
    ReportPeriod period;
    try {
      period = ReportPeriod.parse(month);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (period.year() != year) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "月份 " + month + " 不属于 " + year + " 年。");
    }
    return period;
  }

  private static UnitView view(Progress.UnitProgress unit) {
    return new UnitView(unit.unit().getCode(), unit.unit().getName(), unit.unit().getKind().code(),
        view(unit.indicators()), unit.schools().stream().map(ProgressController::view).toList());
  }

  private static Map<String, IndicatorView> view(Map<Indicator, Progress.IndicatorProgress> indicators) {
    Map<String, IndicatorView> map = new LinkedHashMap<>();
    indicators.forEach((indicator, p) -> map.put(indicator.key(),
        new IndicatorView(p.annualTask(), p.cumulative(), p.rate())));
    return map;
  }
}
