package cn.henan.skills.report;

import cn.henan.skills.platform.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The reporting calendar of the notice: a report per month from March to December, opening on the 1st (Beijing time).
 * Timers in the models ask this bean ({@code ${reportCalendar.opensAt(year, reportMonth)}}), so a process
 * administrator can change the model without touching Java.
 */
@Component("reportCalendar")
public class ReportCalendar {
  static final int FIRST_MONTH = 3;
  static final int LAST_MONTH = 12;

  public List<Integer> reportMonths(Integer year) {
    return IntStream.rangeClosed(FIRST_MONTH, LAST_MONTH).boxed().toList();
  }

  public Date opensAt(Integer year, Integer month) {
    return Date.from(LocalDate.of(year, month, 1).atStartOfDay(EngineClock.BEIJING).toInstant());
  }

  public String businessKey(Integer year, Integer month, String unitCode) {
    return ReportPeriod.of(year, month).key() + "/" + unitCode;
  }
}
