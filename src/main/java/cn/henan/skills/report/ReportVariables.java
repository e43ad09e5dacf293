package cn.henan.skills.report;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the variables every per-unit process carries (see unit-year): year, reportMonth, unitCode, … */
final class ReportVariables {
  private ReportVariables() {
  }

  static ReportPeriod period(VariableScope scope) {
    return ReportPeriod.of(number(scope, "year"), number(scope, "reportMonth"));
  }

  static String unitCode(VariableScope scope) {
    return (String) scope.getVariable("unitCode");
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static int number(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).intValue();
  }
}
