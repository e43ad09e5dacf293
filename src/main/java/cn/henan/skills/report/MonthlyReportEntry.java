package cn.henan.skills.report;

import java.util.List;

/**
 * What the filer enters on Attachment 2 for one month (validated by {@link MonthlyReportRules}): per kind of
 * evaluation institution, how many the unit has that are not (yet) filed in this system, then the month's figures.
 */
public record MonthlyReportEntry(List<Integer> institutionsNotFiled, Figures month, String filerName,
    String filerPhone) {
  public MonthlyReportEntry {
    institutionsNotFiled = List.copyOf(institutionsNotFiled);
  }
}
