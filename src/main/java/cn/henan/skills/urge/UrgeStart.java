package cn.henan.skills.urge;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.notification.EmailNotices;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code urge}: who may urge whom — the province any unit, a city or county bureau its own schools —
 * and the variables the tasks need (the unit, its supervising city, the urger's group); the unit is also told by
 * e-mail when SMTP is configured. Business key
 * {@code <unit>/<yyyyMMddHHmmss>}: a unit can be urged more than once.
 */
@Component("urgeStart")
public class UrgeStart implements ExecutionListener {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(EngineClock.BEIJING);
  private static final DateTimeFormatter REPLY_BY = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日 HH:mm")
      .withZone(EngineClock.BEIJING);

  private final UnitRegistry units;
  private final People people;
  private final Clock clock;
  private final EmailNotices emailNotices;

  UrgeStart(UnitRegistry units, People people, Clock clock, EmailNotices emailNotices) {
    this.units = units;
    this.people = people;
    this.clock = clock;
    this.emailNotices = emailNotices;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = execution.getVariable("unitCode") == null ? "" : execution.getVariable("unitCode").toString().trim();
    // the unit as it is called in the year the urge is sent
    int year = LocalDate.ofInstant(clock.instant(), EngineClock.BEIJING).getYear();
    Unit unit = units.find(code, year).orElseThrow(() -> new Refusal("单位代码“" + code + "”不存在。"));
    Viewer urger = people.currentViewer().orElse(null);
    String urgerGroup;
    if (urger == null || urger.groups().contains("province-edu")) {
      urgerGroup = "province-edu";
    } else if (unit.getParentCode() != null && urger.ownUnits().contains(unit.getParentCode())) {
      urgerGroup = unit.getParentCode() + "-filer";
    } else {
      throw new Refusal("只能督办本局所属学校：" + unit.getName() + " 不属于您的单位。");
    }
    execution.setVariable("unitCode", unit.getCode());
    execution.setVariable("unitName", unit.getName());
    execution.setVariable("supervisorCode", unit.getParentCode());
    execution.setVariable("urgerGroup", urgerGroup);
    Date replyBy = replyBy(execution.getVariable("replyBy"));
    // Tasklist shows a due date only as "in 3 days"; the reply form shows it written out
    String replyByText = REPLY_BY.format(replyBy.toInstant()) + "（北京时间）";
    execution.setVariable("replyBy", replyBy);
    execution.setVariable("replyByText", replyByText);
    execution.setProcessBusinessKey(unit.getCode() + "/" + STAMP.format(clock.instant()));
    emailNotices.toUnit(unit.getCode(), "【督办】" + unit.getName(), "督办：" + execution.getVariable("urgeMessage")
        + "\n请在 " + replyByText + "前回复。");
  }

  /**
   * Who reads the reply ({@code ${urgeStart.urgerGroup(execution)}} on 查看督办回复): the rule above applied again to
   * data the server wrote — the urged unit from the business key, its supervising city from the registry, and the
   * user who started the instance as the engine recorded it — not to the {@code urgerGroup} variable, which a
   * replying unit could have set.
   */
  public String urgerGroup(DelegateExecution execution) {
    Unit unit = units.get(UnitKeys.unitCodeOf(execution.getProcessBusinessKey()).orElseThrow());
    String instanceId = execution.getProcessInstanceId();
    String starter = people.asApplication(() -> {
      HistoricProcessInstance started = execution.getProcessEngineServices().getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      return started == null ? null : started.getStartUserId();
    });
    if (starter == null || unit.getParentCode() == null || people.asApplication(() -> execution
        .getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(starter)
        .groupId("province-edu").count() > 0)) {
      return "province-edu";
    }
    return unit.getParentCode() + "-filer";
  }

  /** A date picked in a form ({@code 2022-04-05}) means the end of that day (23:59:59), Beijing time; not in the past. */
  private Date replyBy(Object value) {
    Date replyBy;
    if (value instanceof Date date) {
      replyBy = date;
    } else {
      String text = value == null ? "" : value.toString().trim();
      try {
        replyBy = Date.from(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).plusDays(1)
            .atStartOfDay(EngineClock.BEIJING).minusSeconds(1).toInstant());
      } catch (DateTimeParseException e) {
        throw new Refusal("回复期限“" + text + "”不是有效日期，请选择日期。");
      }
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), EngineClock.BEIJING);
    if (LocalDate.ofInstant(replyBy.toInstant(), EngineClock.BEIJING).isBefore(today)) {
      throw new Refusal("回复期限不能早于今天（" + today + "）。");
    }
    return replyBy;
  }
}
