package cn.henan.skills.report;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A reporting month, written {@code 2022-03} in business keys and REST paths. */
public record ReportPeriod(int year, int month) {
  public ReportPeriod {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("月份无效：" + month);
    }
  }

  public static ReportPeriod of(int year, int month) {
    return new ReportPeriod(year, month);
  }

  /** Parses {@code 2022-05}; the message says what was wrong. */
  public static ReportPeriod parse(String text) {
    try {
      YearMonth yearMonth = YearMonth.parse(text);
      return new ReportPeriod(yearMonth.getYear(), yearMonth.getMonthValue());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("月份“" + text + "”无效，应写作 2022-05 这样的年-月。");
    }
  }

  public String key() {
    return String.format("%d-%02d", year, month);
  }

  public String chinese() {
    return year + " 年 " + month + " 月";
  }
}
