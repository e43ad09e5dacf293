package cn.henan.skills.report;

import cn.henan.skills.quota.Quota;
import java.math.BigDecimal;
import java.util.List;

/**
 * Attachment 2's progress table for one unit and month: per indicator the annual task, this month, the cumulative
 * (accepted months before plus this month) and the cumulative rate. The forms, and later the PDF, show this.
 */
public record ReportSheet(String unitName, ReportPeriod period, Quota quota, Figures month, Figures cumulative) {

  public record Row(Indicator indicator, Integer annualTask, long month, long cumulative, BigDecimal rate) {
  }

  public static ReportSheet of(String unitName, ReportPeriod period, Quota quota, Figures acceptedBefore,
      Figures month) {
    return new ReportSheet(unitName, period, quota, month, acceptedBefore.plus(month));
  }

  public List<Row> rows() {
    return List.of(Indicator.values()).stream()
        .map(i -> new Row(i, annualTask(quota, i), month.get(i), cumulative.get(i),
            Rates.percent(cumulative.get(i), annualTask(quota, i))))
        .toList();
  }

  static Integer annualTask(Quota quota, Indicator indicator) {
    if (quota == null) {
      return null;
    }
    return switch (indicator) {
      case TRAINING -> quota.training();
      case CERTIFICATION -> quota.certification();
      case ADVANCED -> quota.advanced();
      case ONE_PLUS_X -> quota.onePlusX();
    };
  }

  /**
   * The table in Markdown for a Camunda Form's text component ({@code {{reportTable}}}), which draws it as a real table
   * (columns aligned, numbers to the right). Only fixed labels and numbers: no text a user typed goes into Markdown.
   */
  public String asMarkdown() {
    StringBuilder table = new StringBuilder("| 指标 | 年度任务 | 当月完成 | 累计已完成 | 累计完成率 |\n|---|---:|---:|---:|---:|\n");
    for (Row row : rows()) {
      table.append("| ").append(row.indicator().chineseName()).append("（").append(row.indicator().measure()).append("）")
          .append(" | ").append(row.annualTask() == null ? "——" : row.annualTask().toString())
          .append(" | ").append(row.month())
          .append(" | ").append(row.cumulative())
          .append(" | ").append(Rates.format(row.rate())).append(" |\n");
    }
    return table.toString();
  }
}
