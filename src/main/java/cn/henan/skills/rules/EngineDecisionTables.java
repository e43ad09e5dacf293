package cn.henan.skills.rules;

import cn.henan.skills.identity.People;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * The decision tables as the engine deployed them ({@code DecisionService}, latest version by key): each evaluation is
 * recorded in the engine's history, so Cockpit's decision history shows what was asked and what the table answered.
 */
@Component
class EngineDecisionTables implements DecisionTables {
  private final DecisionService decisionService;
  private final People people;

  EngineDecisionTables(DecisionService decisionService, People people) {
    this.decisionService = decisionService;
    this.people = people;
  }

  @Override
  public List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs) {
    try {
      // the rules are the application's own, applied on behalf of whoever's step needs them (a unit's filer has no
      // permission on decision definitions, and needs none)
      return people.asApplication(() -> decisionService.evaluateDecisionByKey(key).variables(inputs).evaluate()
          .getResultList());
    } catch (DmnEngineException | ProcessEngineException e) {
      throw new IllegalStateException("规则表" + DecisionTables.name(key) + "无法求值：" + e.getMessage(), e);
    }
  }
}
