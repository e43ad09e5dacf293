package cn.henan.skills.rules;

import cn.henan.skills.identity.People;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The decision tables as the engine deployed them (latest version by key). A table is a function of its inputs, so
 * each distinct question is evaluated once per version of the table and its answer kept (at most
 * {@value #MAX_ANSWERS}, least recently used first out): the first evaluation is recorded in the engine's history, so
 * Cockpit's decision history shows what was asked of each version and what it answered, and the dashboard's repeated
 * views of the month's evaluation neither re-run the FEEL of ~320 units nor write history rows on every view. The
 * latest version is looked up on every question (one indexed select, as the engine itself does for a key), so a new
 * version applies at once, on every node.
 */
@Component
class EngineDecisionTables implements DecisionTables {
  static final int MAX_ANSWERS = 20_000;

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final People people;
  private final Map<Question, List<Map<String, Object>>> answers = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, List<Map<String, Object>>> eldest) {
          return size() > MAX_ANSWERS;
        }
      });

  /** The inputs are copied: the caller's map may change, and may hold nulls (an unknown share). */
  private record Question(String decisionDefinitionId, Map<String, Object> inputs) {
  }

  EngineDecisionTables(DecisionService decisionService, RepositoryService repositoryService, People people) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.people = people;
  }

  @Override
  public List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs) {
    try {
      // the rules are the application's own, applied on behalf of whoever's step needs them (a unit's filer has no
      // permission on decision definitions, and needs none)
      return people.asApplication(() -> {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
            .latestVersion().singleResult();
        if (latest == null) {
          throw new IllegalStateException("规则表" + DecisionTables.name(key) + "没有部署。");
        }
        Question question = new Question(latest.getId(), Collections.unmodifiableMap(new HashMap<>(inputs)));
        List<Map<String, Object>> answer = answers.get(question);
        if (answer == null) {
          answer = decisionService.evaluateDecisionById(latest.getId()).variables(inputs).evaluate().getResultList()
              .stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
          answers.put(question, answer);
        }
        return answer;
      });
    } catch (DmnEngineException | ProcessEngineException e) {
      throw new IllegalStateException("规则表" + DecisionTables.name(key) + "无法求值：" + e.getMessage(), e);
    }
  }
}
