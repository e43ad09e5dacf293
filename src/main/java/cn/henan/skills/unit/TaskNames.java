package cn.henan.skills.unit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The parts of a task's name that tell same-named tasks apart in Tasklist — the month or year and the unit — read
 * from the instance's business key and the unit registry, never from variables. The models use them in the user
 * tasks' names, which the engine evaluates once when it creates a task, e.g.
 * {@code 填报 ${taskNames.month(execution)} 进度月报（${taskNames.unit(execution)}）} → 填报 2022年3月 进度月报（郑州市）.
 * A key that says nothing of the kind gives an empty part rather than failing the step.
 */
@Component("taskNames")
public class TaskNames {
  private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{2}))?(?:/.*)?");
  private static final Pattern URGE_DAY = Pattern.compile("[^/]+/(\\d{4})(\\d{2})(\\d{2})\\d{6}");

  private final UnitRegistry units;

  TaskNames(UnitRegistry units) {
    this.units = units;
  }

  /** {@code 2022-03/u001}, {@code 2022-03} → 2022年3月. */
  public String month(DelegateExecution execution) {
    Matcher m = PERIOD.matcher(key(execution));
    return m.matches() && m.group(2) != null ? m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月" : "";
  }

  /** {@code 2022/u001}, {@code 2022} → 2022年度. */
  public String year(DelegateExecution execution) {
    Matcher m = PERIOD.matcher(key(execution));
    return m.matches() ? m.group(1) + "年度" : "";
  }

  /** The day an urge was sent, from its key {@code u001/20220301090000} → 2022年3月1日. */
  public String day(DelegateExecution execution) {
    Matcher m = URGE_DAY.matcher(key(execution));
    return m.matches()
        ? m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月" + Integer.parseInt(m.group(3)) + "日" : "";
  }

  /**
   * The unit the key names ({@code 2022/u001}, {@code 2022-03/u001-s01}, {@code u001/20220301090000}); for a
   * late-reports key the units it lists: 省直管单位 or 郑州市所属学校.
   */
  public String unit(DelegateExecution execution) {
    String key = key(execution);
    return UnitKeys.unitCodeOf(key).map(code -> named(code, key))
        .orElseGet(() -> UnitKeys.supervisorOf(key).map(city -> named(city, key) + "所属学校")
            .orElse(key.endsWith("/" + UnitKeys.PROVINCE) ? "省直管单位" : ""));
  }

  /**
   * A unit's name by its code (a circulation's named unit, which the engine took from the published notice), as it
   * was called in the year of the instance's key; not an overload of {@link #unit(DelegateExecution)}, which the
   * expression language could confuse.
   */
  public String named(DelegateExecution execution, String code) {
    return named(code, key(execution));
  }

  /** The unit's name in the key's year (a renamed unit's 2022 tasks keep its 2022 name), else its current name. */
  private String named(String code, String key) {
    if (code == null) {
      return "";
    }
    return UnitKeys.yearIn(key).map(year -> units.name(code, year))
        .orElseGet(() -> units.find(code).map(Unit::getName).orElse(code));
  }

  private static String key(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    return key == null ? "" : key;
  }
}
