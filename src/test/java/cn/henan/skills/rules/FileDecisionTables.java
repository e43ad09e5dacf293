package cn.henan.skills.rules;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The decision tables of {@code bpmn/} run by Camunda's DMN engine on its own (no process engine, no database, no
 * history), for the evaluation's tests and benchmark: the same tables and FEEL as in production.
 */
public final class FileDecisionTables implements DecisionTables {
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final Map<String, DmnDecision> decisions = new HashMap<>();

  private FileDecisionTables() {
  }

  /** Every table the code relies on, as shipped in {@code bpmn/}. */
  public static FileDecisionTables shipped() {
    FileDecisionTables tables = new FileDecisionTables();
    RuleDecisions.contracts().forEach(c -> tables.use(c.key(), shippedModel(c.key())));
    return tables;
  }

  /** The table of {@code bpmn/<key>.dmn} as a model, to be read or changed. */
  public static DmnModelInstance shippedModel(String key) {
    try (InputStream in = FileDecisionTables.class.getResourceAsStream("/bpmn/" + key + ".dmn")) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces one table, e.g. by a changed copy of the shipped one. */
  public FileDecisionTables use(String key, DmnModelInstance model) {
    decisions.put(key, ENGINE.parseDecision(key, model));
    return this;
  }

  @Override
  public List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs) {
    return ENGINE.evaluateDecisionTable(decisions.get(key), Variables.fromMap(inputs)).getResultList();
  }
}
