package cn.henan.skills.rules;

import java.util.List;
import java.util.Map;

/**
 * Evaluates one of the {@link RuleDecisions} by key, its latest deployed version: one map per matched rule, the
 * outputs by name. A fault of the table (it is missing, a UNIQUE table has overlapping rules, an input entry does not
 * evaluate) is an {@link IllegalStateException} naming the table in Chinese.
 */
public interface DecisionTables {
  List<Map<String, Object>> evaluate(String key, Map<String, Object> inputs);

  /** The one row a UNIQUE or FIRST table gives; no matching rule is the table's fault, named with the inputs. */
  default Map<String, Object> single(String key, Map<String, Object> inputs) {
    List<Map<String, Object>> rows = evaluate(key, inputs);
    if (rows.isEmpty()) {
      throw new IllegalStateException("规则表" + name(key) + "没有适用于 " + inputs + " 的规则，请在 Camunda Modeler 中补充后重新部署。");
    }
    return rows.get(0);
  }

  /** “审核分组”（reviewer-groups）. */
  static String name(String key) {
    return RuleDecisions.of(key).map(c -> "“" + c.name() + "”（" + key + "）").orElse("“" + key + "”");
  }
}
