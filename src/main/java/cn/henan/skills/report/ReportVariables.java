package cn.henan.skills.report;

import cn.henan.skills.unit.UnitKeys;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a report's steps know about the report: its month and unit come from the instance's business key
 * ({@code 2022-03/u001}, written by the server when it opened the report), never from variables a user could set;
 * the form's fields are read as text.
 */
final class ReportVariables {
  private ReportVariables() {
  }

  /** The month of a {@code monthly-report} or {@code late-reports} instance: {@code 2022-03/…}. */
  static ReportPeriod period(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    int slash = key == null ? -1 : key.indexOf('/');
    if (slash < 0) {
      throw new IllegalStateException("业务键“" + key + "”没有指明月份。");
    }
    return ReportPeriod.parse(key.substring(0, slash));
  }

  /** The unit of a {@code monthly-report} instance: {@code 2022-03/u001} → {@code u001}. */
  static String unitCode(DelegateExecution execution) {
    return UnitKeys.unitCodeOf(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("业务键“" + execution.getProcessBusinessKey() + "”没有指明单位。"));
  }

  /**
   * Sets what a form shows, where the instance holds it, only when it differs: a task opening usually changes
   * nothing, and writing the same value again costs an update and history rows.
   */
  static void setIfChanged(DelegateExecution execution, String name, Object value) {
    if (!Objects.equals(execution.getVariable(name), value)) {
      execution.setVariable(name, value);
    }
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
