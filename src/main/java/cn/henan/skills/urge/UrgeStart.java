package cn.henan.skills.urge;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code urge}: who may urge whom — the province any unit, a city or county bureau its own schools —
 * and the variables the tasks need (the unit, its supervising city, the urger's group). Business key
 * {@code <unit>/<yyyyMMddHHmmss>}: a unit can be urged more than once.
 */
@Component("urgeStart")
class UrgeStart implements ExecutionListener {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(EngineClock.BEIJING);

  private final UnitRegistry units;
  private final People people;
  private final Clock clock;

  UrgeStart(UnitRegistry units, People people, Clock clock) {
    this.units = units;
    this.people = people;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = execution.getVariable("unitCode") == null ? "" : execution.getVariable("unitCode").toString().trim();
    Unit unit = units.find(code).orElseThrow(() -> new ProcessEngineException("单位代码“" + code + "”不存在。"));
    Viewer urger = people.currentViewer().orElse(null);
    String urgerGroup;
    if (urger == null || urger.groups().contains("province-edu")) {
      urgerGroup = "province-edu";
    } else if (unit.getParentCode() != null && urger.ownUnits().contains(unit.getParentCode())) {
      urgerGroup = unit.getParentCode() + "-filer";
    } else {
      throw new ProcessEngineException("只能督办本局所属学校：" + unit.getName() + " 不属于您的单位。");
    }
    execution.setVariable("unitCode", unit.getCode());
    execution.setVariable("unitName", unit.getName());
    execution.setVariable("supervisorCode", unit.getParentCode());
    execution.setVariable("urgerGroup", urgerGroup);
    execution.setProcessBusinessKey(unit.getCode() + "/" + STAMP.format(clock.instant()));
  }
}
