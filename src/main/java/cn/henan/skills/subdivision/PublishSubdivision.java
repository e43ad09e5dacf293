package cn.henan.skills.subdivision;

import cn.henan.skills.unit.UnitKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "设立学校并下达任务" (asynchronous): registers the schools and starts each school's year. */
@Component("publishSubdivision")
class PublishSubdivision implements JavaDelegate {
  private final Subdivisions subdivisions;

  PublishSubdivision(Subdivisions subdivisions) {
    this.subdivisions = subdivisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the city and year from the business key (2022/u001): a filer's unitCode variable cannot name another city
    String key = execution.getProcessBusinessKey();
    int schools = subdivisions.publish(UnitKeys.yearOf(key), UnitKeys.unitCodeOf(key).orElseThrow()).size();
    execution.setVariable("publishedSchoolCount", schools);
  }
}
