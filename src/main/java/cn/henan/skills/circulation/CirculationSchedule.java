package cn.henan.skills.circulation;

import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.unit.UnitCodes;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When circulations start and how long named units have to acknowledge, for the model's timers
 * ({@code ${circulationSchedule.cycle()}} …): monthly, {@code skills-henan.circulation.day-of-month} (default 5) of
 * the month after each report month (the reports are due by the end of the 30th), April to January, 09:00 Beijing
 * time; a reminder after 3 days and an escalation to province-edu after 7 without acknowledgement.
 */
@Component("circulationSchedule")
public class CirculationSchedule {
  private final int dayOfMonth;

  CirculationSchedule(@Value("${skills-henan.circulation.day-of-month:5}") int dayOfMonth) {
    this.dayOfMonth = dayOfMonth;
  }

  /**
   * Ten runs, for March to December's reports, of the reporting year the engine clock is in when the model is
   * deployed (the demo clock's 2022 in the demo; in January still the year before, whose last run is then due).
   */
  public String cycle() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.BEIJING);
    boolean lastRunAhead = today.getMonthValue() == 1 && today.getDayOfMonth() <= dayOfMonth;
    int year = lastRunAhead ? today.getYear() - 1 : today.getYear();
    return String.format("R10/%d-04-%02dT09:00:00+08:00/P1M", year, dayOfMonth);
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
