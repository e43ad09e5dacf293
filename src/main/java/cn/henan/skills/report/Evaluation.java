package cn.henan.skills.report;

import cn.henan.skills.report.EvaluationThresholds.Thresholds;
import cn.henan.skills.rules.RuleDecisions;
import cn.henan.skills.unit.UnitKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The province's evaluation of a month M (the notice's 通报 basis). Its core, {@link #evaluate(ReportPeriod, List,
 * Rules)}, works on plain records and the decision tables' answers ({@link Rules}); the service around it reads the
 * input from the database and asks the deployed tables.
 *
 * <ul>
 *   <li><b>Time progress</b> of month M is (M − 2) / 10 of the year's reporting: March = 1/10 (10.0 %) … December =
 *   10/10 (100.0 %). Reports start in March, so January and February cannot be evaluated.</li>
 *   <li><b>Slow</b>: an indicator's cumulative accepted completion rate lies more than the slow margin below the
 *   time progress (the decision table {@code evaluation-thresholds}, by year and indicator; 10 percentage points as
 *   shipped). An indicator whose annual task is —— (or 0) has no rate and is never slow or low.</li>
 *   <li><b>Low</b>: in the bottom share by rate of its ranking group (the same table; the bottom tenth as shipped). A
 *   group is a unit kind, except that the prefecture cities and the Jiyuan zone form one group (the notice's 18 “市”)
 *   and that the schools under cities form their own group (evaluated among themselves, not among the provincial
 *   secondary schools). Only units with a rate count; k = ⌊n × share⌋, and a group where k is 0 (fewer than 10
 *   units for a tenth) names none. Otherwise the cut-off is the k-th lowest rate, and every unit at or below the
 *   cut-off is low (ties at the cut-off are all named, so a list may be longer than k) — unless the cut-off equals the
 *   group's best rate (everyone equal): then none is low.</li>
 *   <li><b>Late</b>: the report of M is marked late (filed after the due date, or not filed by it). <b>Missing</b>:
 *   no report of M is filed (submitted, signed or accepted) at the time of evaluation.</li>
 *   <li>1+X is evaluated separately: its slow and low units are listed apart from the skills indicators (training,
 *   certification, advanced).</li>
 *   <li>A city is evaluated with its schools' figures (as {@link Progress} counts them); its schools are evaluated
 *   too, among themselves.</li>
 *   <li><b>Certificate level</b>: what the decision table {@code certificate-level-policy} says of the unit's kind
 *   and cumulative advanced certificates (as shipped: a secondary-vocational unit, school included, that reports
 *   advanced certificates; a higher-vocational or vocational-undergraduate unit whose advanced share of its
 *   certificates is below 50 %; undergraduate units exempt).</li>
 * </ul>
 */
@Service
public class Evaluation {
  static final Set<Indicator> SKILLS = EnumSet.of(Indicator.TRAINING, Indicator.CERTIFICATION, Indicator.ADVANCED);

  /** The four annual tasks; null means —— (no requirement). */
  public record AnnualTasks(Integer training, Integer certification, Integer advanced, Integer onePlusX) {
    public Integer get(Indicator indicator) {
      return switch (indicator) {
        case TRAINING -> training;
        case CERTIFICATION -> certification;
        case ADVANCED -> advanced;
        case ONE_PLUS_X -> onePlusX;
      };
    }
  }

  /**
   * One unit's input: {@code cityCode} is the supervising city of a school (null for a provincial unit);
   * {@code cumulative} the accepted figures through M (a city's including its schools'); {@code filed} whether M's
   * report is submitted, signed or accepted; {@code late} whether it is marked late; {@code received} whether the
   * unit has received its annual task in Tasklist (its reports open either way).
   */
  public record UnitInput(String code, String name, UnitKind kind, String cityCode, AnnualTasks annualTasks,
      Figures cumulative, boolean filed, boolean late, boolean received) {
    public UnitInput(String code, String name, UnitKind kind, String cityCode, AnnualTasks annualTasks,
        Figures cumulative, boolean filed, boolean late) {
      this(code, name, kind, cityCode, annualTasks, cumulative, filed, late, true);
    }
  }

  /**
   * The decision tables' answers for one evaluation: the thresholds of the skills indicators and of 1+X, asked once,
   * and the certificate-level policy, asked once per distinct kind and figures.
   */
  public record Rules(Thresholds skills, Thresholds onePlusX, CertificateLevelPolicy.Evaluated certificates) {
    public static Rules of(int year, EvaluationThresholds thresholds, CertificateLevelPolicy policy) {
      return new Rules(thresholds.of(year, RuleDecisions.SKILLS), thresholds.of(year, RuleDecisions.ONE_PLUS_X),
          policy.forEvaluation());
    }

    Thresholds of(Indicator indicator) {
      return indicator == Indicator.ONE_PLUS_X ? onePlusX : skills;
    }
  }

  public record IndicatorResult(Integer annualTask, long cumulative, BigDecimal rate, boolean slow, boolean low) {
  }

  public record UnitResult(String code, String name, UnitKind kind, String cityCode,
      Map<Indicator, IndicatorResult> indicators, boolean late, boolean missing, List<String> findings) {
  }

  /** A named unit in one of the lists, with the findings that put it there. */
  public record Listed(String code, String name, String cityCode, List<String> findings) {
  }

  /** @param timeProgress percent, one decimal; @param skills, onePlusX the thresholds applied */
  public record Result(ReportPeriod period, BigDecimal timeProgress, Thresholds skills, Thresholds onePlusX,
      List<UnitResult> units, List<Listed> slowUnits, List<Listed> lowUnits, List<Listed> slowOnePlusX,
      List<Listed> lowOnePlusX, List<Listed> lateUnits, List<Listed> missingUnits, List<Listed> certificateFindings) {

    /** The slow margin of the skills indicators, in percentage points. */
    public BigDecimal threshold() {
      return skills.slowMarginPoints();
    }

    /** The same evaluation restricted to these units (ranks stay those of the whole province). */
    public Result restrictedTo(Predicate<String> visible) {
      return new Result(period, timeProgress, skills, onePlusX,
          units.stream().filter(u -> visible.test(u.code())).toList(),
          only(slowUnits, visible), only(lowUnits, visible), only(slowOnePlusX, visible),
          only(lowOnePlusX, visible), only(lateUnits, visible), only(missingUnits, visible),
          only(certificateFindings, visible));
    }

    private static List<Listed> only(List<Listed> list, Predicate<String> visible) {
      return list.stream().filter(l -> visible.test(l.code())).toList();
    }
  }

  private final EvaluationInputs inputs;
  private final EvaluationThresholds thresholds;
  private final CertificateLevelPolicy certificatePolicy;

  Evaluation(EvaluationInputs inputs, EvaluationThresholds thresholds, CertificateLevelPolicy certificatePolicy) {
    this.inputs = inputs;
    this.thresholds = thresholds;
    this.certificatePolicy = certificatePolicy;
  }

  /**
   * Evaluates month M over every unit with a quota that year (schools included). One transaction: the decisions it
   * asks are recorded in the engine's history, together.
   */
  @Transactional
  public Result evaluate(ReportPeriod period) {
    return evaluate(period, inputs.of(period), Rules.of(period.year(), thresholds, certificatePolicy));
  }

  /** Time progress of month M in percent: (M − 2) × 10, i.e. March 10.0 … December 100.0. */
  public static BigDecimal timeProgress(ReportPeriod period) {
    if (period.month() < 3) {
      throw new IllegalArgumentException("月报自 3 月开始，" + period.chinese() + "没有时间进度，不能评估。");
    }
    return BigDecimal.valueOf((period.month() - 2) * 10L).setScale(1);
  }

  /** The evaluation itself: no database; the rules come from the decision tables. */
  public static Result evaluate(ReportPeriod period, List<UnitInput> units, Rules rules) {
    BigDecimal time = timeProgress(period);
    int n = units.size();
    Indicator[] indicators = Indicator.values();
    BigDecimal[][] rates = new BigDecimal[n][indicators.length];
    boolean[][] slow = new boolean[n][indicators.length];
    String[][] lowText = new String[n][indicators.length];
    for (int i = 0; i < n; i++) {
      UnitInput unit = units.get(i);
      for (Indicator indicator : indicators) {
        BigDecimal rate = Rates.percent(unit.cumulative().get(indicator), unit.annualTasks().get(indicator));
        rates[i][indicator.ordinal()] = rate;
        slow[i][indicator.ordinal()] = isSlow(rate, time, rules.of(indicator));
      }
    }

    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(rankingGroup(units.get(i)), g -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      for (Indicator indicator : indicators) {
        markLow(group.getKey(), group.getValue(), indicator.ordinal(), rules.of(indicator), rates, lowText);
      }
    }

    List<UnitResult> results = new ArrayList<>(n);
    List<Listed> slowUnits = new ArrayList<>();
    List<Listed> lowUnits = new ArrayList<>();
    List<Listed> slowOnePlusX = new ArrayList<>();
    List<Listed> lowOnePlusX = new ArrayList<>();
    List<Listed> lateUnits = new ArrayList<>();
    List<Listed> missingUnits = new ArrayList<>();
    List<Listed> certificateFindings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UnitInput unit = units.get(i);
      Map<Indicator, IndicatorResult> map = new EnumMap<>(Indicator.class);
      List<String> findings = new ArrayList<>();
      List<String> slowSkills = new ArrayList<>();
      List<String> lowSkills = new ArrayList<>();
      List<String> slowX = new ArrayList<>();
      List<String> lowX = new ArrayList<>();
      boolean missing = !unit.filed();
      if (missing) {
        add(findings, missingUnits, unit, period.chinese() + "月报未报送" + (unit.received() ? "" : "（尚未接收年度任务）"));
      } else if (!unit.received()) {
        findings.add("尚未接收年度任务");
      }
      if (unit.late()) {
        add(findings, lateUnits, unit, period.chinese() + "月报逾期" + (missing ? "未报" : "报送"));
      }
      for (Indicator indicator : indicators) {
        int k = indicator.ordinal();
        BigDecimal rate = rates[i][k];
        map.put(indicator, new IndicatorResult(unit.annualTasks().get(indicator), unit.cumulative().get(indicator),
            rate, slow[i][k], lowText[i][k] != null));
        if (slow[i][k]) {
          String text = slowFinding(indicator, rate, time, rules.of(indicator));
          findings.add(text);
          (indicator == Indicator.ONE_PLUS_X ? slowX : slowSkills).add(text);
        }
        if (lowText[i][k] != null) {
          String text = indicator.chineseName() + "完成率 " + Rates.format(rate) + "，" + lowText[i][k];
          findings.add(text);
          (indicator == Indicator.ONE_PLUS_X ? lowX : lowSkills).add(text);
        }
      }
      listIfAny(slowUnits, unit, slowSkills);
      listIfAny(lowUnits, unit, lowSkills);
      listIfAny(slowOnePlusX, unit, slowX);
      listIfAny(lowOnePlusX, unit, lowX);
      rules.certificates().finding(unit.kind(), unit.cumulative())
          .ifPresent(text -> add(findings, certificateFindings, unit, text));
      results.add(new UnitResult(unit.code(), unit.name(), unit.kind(), unit.cityCode(),
          Collections.unmodifiableMap(map), unit.late(), missing, List.copyOf(findings)));
    }
    return new Result(period, time, rules.skills(), rules.onePlusX(), results, slowUnits, lowUnits, slowOnePlusX,
        lowOnePlusX, lateUnits, missingUnits, certificateFindings);
  }

  /** Slow: a rate more than the table's slow margin below the time progress (no rate, never slow). */
  static boolean isSlow(BigDecimal rate, BigDecimal timeProgress, Thresholds thresholds) {
    return rate != null && timeProgress.subtract(rate).compareTo(thresholds.slowMarginPoints()) > 0;
  }

  /** How a slow indicator is named, in the evaluation's findings and on the batch review alike. */
  static String slowFinding(Indicator indicator, BigDecimal rate, BigDecimal timeProgress, Thresholds thresholds) {
    return indicator.chineseName() + "完成率 " + Rates.format(rate) + "，低于时间进度 " + Rates.format(timeProgress)
        + " 超过 " + thresholds.slowMarginPoints().toPlainString() + " 个百分点";
  }

  /** The group a unit is ranked in for “low”; also its Chinese name. */
  static String rankingGroup(UnitInput unit) {
    if (unit.cityCode() != null) {
      return "市属中职学校";
    }
    return switch (unit.kind()) {
      case PREFECTURE_CITY, DEMONSTRATION_ZONE -> "省辖市（含济源示范区）";
      default -> unit.kind().chineseName();
    };
  }

  private static void markLow(String groupName, List<Integer> members, int k, Thresholds thresholds,
      BigDecimal[][] rates, String[][] lowText) {
    Integer[] rated = members.stream().filter(i -> rates[i][k] != null).toArray(Integer[]::new);
    int size = rated.length;
    int lowCount = thresholds.lowCount(size);
    if (lowCount < 1) {
      return;
    }
    Arrays.sort(rated, (a, b) -> rates[a][k].compareTo(rates[b][k]));
    BigDecimal cutoff = rates[rated[Math.min(lowCount, size) - 1]][k];
    if (cutoff.compareTo(rates[rated[size - 1]][k]) == 0) {
      return; // everyone equal: nobody is behind
    }
    int j = 0;
    while (j < size && rates[rated[j]][k].compareTo(cutoff) <= 0) {
      int end = j; // the run of units tied with rated[j]
      while (end + 1 < size && rates[rated[end + 1]][k].compareTo(rates[rated[j]][k]) == 0) {
        end++;
      }
      // counted from the bottom, so that "the bottom tenth" and the place read the same way; ties share a place
      int fromBottom = j + 1;
      int tied = end - j + 1;
      String text = "居" + groupName + thresholds.lowLabel() + "：" + size + " 个单位中倒数第 " + fromBottom + " 名"
          + (tied > 1 ? "（" + tied + " 个单位完成率相同，并列）" : "");
      for (int m = j; m <= end; m++) {
        lowText[rated[m]][k] = text;
      }
      j = end + 1;
    }
  }

  private static void add(List<String> findings, List<Listed> list, UnitInput unit, String text) {
    findings.add(text);
    list.add(new Listed(unit.code(), unit.name(), unit.cityCode(), List.of(text)));
  }

  private static void listIfAny(List<Listed> list, UnitInput unit, List<String> texts) {
    if (!texts.isEmpty()) {
      list.add(new Listed(unit.code(), unit.name(), unit.cityCode(), List.copyOf(texts)));
    }
  }
}
