package cn.henan.skills.subdivision;

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
    int year = ((Number) execution.getVariable("year")).intValue();
    int schools = subdivisions.publish(year, (String) execution.getVariable("unitCode")).size();
    execution.setVariable("publishedSchoolCount", schools);
  }
}
