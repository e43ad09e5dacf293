package cn.henan.skills.deployment;

import java.util.Map;
import java.util.Set;

/**
 * What some Java code relies on finding in the engine, as data: process keys it starts or queries, messages it
 * correlates (per process key), and decisions it evaluates with the inputs it passes and the outputs it reads. Every
 * bean of this type is a source for the deployment check, which refuses a deployment that would leave the engine
 * without one of them — a new version of a model that drops a message, a decision whose input or output was renamed.
 *
 * @param processKeys process keys that must stay deployed
 * @param messages per process key, the message names its latest version must still catch
 * @param decisions per decision key, what its latest version must still offer
 */
public record ModelRequirements(Set<String> processKeys, Map<String, Set<String>> messages,
    Map<String, DecisionRequirement> decisions) {

  public ModelRequirements {
    processKeys = Set.copyOf(processKeys);
    messages = Map.copyOf(messages);
    decisions = Map.copyOf(decisions);
  }

  /** Requirements on decisions only (the form a rules feature publishes its decisions in). */
  public static ModelRequirements ofDecisions(Map<String, DecisionRequirement> decisions) {
    return new ModelRequirements(Set.of(), Map.of(), decisions);
  }

  /**
   * A decision as the code calls it.
   *
   * @param inputs each matches an input of the table by its id, its label or its input expression (the variable
   *     name the code passes)
   * @param outputs output names the code reads from the result
   */
  public record DecisionRequirement(Set<String> inputs, Set<String> outputs) {
    public DecisionRequirement {
      inputs = Set.copyOf(inputs);
      outputs = Set.copyOf(outputs);
    }
  }

}
