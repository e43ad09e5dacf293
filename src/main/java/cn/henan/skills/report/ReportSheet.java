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

  /** The table as plain text for Tasklist forms. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%-14s%10s%10s%12s%12s%n", "指标", "年度任务", "当月完成", "累计已完成", "累计完成率"));
    for (Row row : rows()) {
      text.append(String.format("%-14s%10s%10d%12d%12s%n", row.indicator().chineseName(),
          row.annualTask() == null ? "——" : row.annualTask().toString(), row.month(), row.cumulative(),
          Rates.format(row.rate())));
    }
    return text.toString();
  }
}
