package cn.henan.skills.rules;

import cn.henan.skills.deployment.ModelRequirements;
import cn.henan.skills.deployment.ModelRequirements.DecisionRequirement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision tables' contract ({@link RuleDecisions}) handed to the deployment check: a new version of a table that
 * drops one of them, or renames an input or output the code uses, is refused before it is deployed.
 */
@Configuration(proxyBeanMethods = false)
class RuleRequirements {
  @Bean
  ModelRequirements ruleDecisionRequirements() {
    Map<String, DecisionRequirement> decisions = new LinkedHashMap<>();
    for (RuleDecisions.Contract contract : RuleDecisions.contracts()) {
      decisions.put(contract.key(), new DecisionRequirement(Set.copyOf(contract.inputs()),
          Set.copyOf(contract.outputs())));
    }
    return ModelRequirements.ofDecisions(decisions);
  }
}
