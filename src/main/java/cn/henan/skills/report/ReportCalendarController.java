package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/report-calendar/2022}: when each month's report opens and is due (the reminder is the model's);
 * {@code PUT /api/report-calendar/2022-05} {@code {"dueDate":"2022-05-31","reason":"…"}}: province-edu moves a month.
 */
@RestController
@RequestMapping("/api/report-calendar")
class ReportCalendarController {
  private final ReportCalendar calendar;
  private final DueDates dueDates;
  private final People people;

  ReportCalendarController(ReportCalendar calendar, DueDates dueDates, People people) {
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.people = people;
  }

  record MonthView(String month, Instant opensAt, Instant dueAt) {
  }

  record MoveRequest(LocalDate dueDate, String reason) {
  }

  record MoveView(String month, Instant dueAt, int timersMoved) {
  }

  @GetMapping("/{year}")
  List<MonthView> year(@PathVariable int year) {
    return calendar.reportMonths().stream().map(month -> ReportPeriod.of(year, month))
        .map(period -> new MonthView(period.key(), calendar.opening(period).toInstant(),
            calendar.due(period).toInstant())).toList();
  }

  @PutMapping("/{month}")
  MoveView move(@PathVariable String month, @RequestBody MoveRequest request) {
    Viewer viewer = people.signedIn();
    if (!viewer.groups().contains("province-edu")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有省教育厅（province-edu）可以调整月报截止日期。");
    }
    if (request == null || request.dueDate() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出新的截止日期 dueDate，例如 2022-05-31。");
    }
    try {
      ReportPeriod period = ReportPeriod.parse(month);
      int moved = dueDates.move(period, request.dueDate(), request.reason(), viewer.userId());
      return new MoveView(period.key(), calendar.due(period).toInstant(), moved);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }
}
