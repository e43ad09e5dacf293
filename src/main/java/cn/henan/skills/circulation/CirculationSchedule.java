package cn.henan.skills.circulation;

import cn.henan.skills.unit.UnitCodes;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When circulations start and how long named units have to acknowledge, for the model's timers
 * ({@code ${circulationSchedule.cycle()}} …): monthly, {@code skills-henan.circulation.day-of-month} (default 5) of
 * the month after each report month (the reports are due by the end of the 30th), 09:00 Beijing time; a reminder
 * after 3 days and an escalation to province-edu after 7 without acknowledgement.
 */
@Component("circulationSchedule")
public class CirculationSchedule {
  private final int dayOfMonth;

  CirculationSchedule(@Value("${skills-henan.circulation.day-of-month:5}") int dayOfMonth) {
    if (dayOfMonth < 1 || dayOfMonth > 28) {
      throw new IllegalArgumentException("skills-henan.circulation.day-of-month 应为 1–28（每月都有的日期）：" + dayOfMonth);
    }
    this.dayOfMonth = dayOfMonth;
  }

  /**
   * Every month, without end, so no year needs a new deployment; the step skips a month nobody reported on (January,
   * February, a year without published quotas). The start in the past only anchors the day and time.
   */
  public String cycle() {
    return String.format("R/2022-01-%02dT09:00:00+08:00/P1M", dayOfMonth);
  }

  public String acknowledgeReminder() {
    return "P3D";
  }

  public String acknowledgeEscalation() {
    return "P7D";
  }

  /** The named units, as the draft's comma-separated list, for the acknowledgements' multi-instance. */
  public List<String> unitsOf(String namedUnitCodes) {
    return UnitCodes.parse(namedUnitCodes);
  }
}
