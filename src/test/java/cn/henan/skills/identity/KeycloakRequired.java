package cn.henan.skills.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the real Keycloak of keycloak/start.sh: when the realm answers on port 8180, or when told
 * to ({@code -Dkeycloak.required=true}, or the environment variable CI, as .ci/run has) — then a missing Keycloak
 * fails the class instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakRequired.Condition.class)
@interface KeycloakRequired {

  class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (RealmTokens.realmAnswers()) {
        return ConditionEvaluationResult.enabled("Keycloak realm skills-henan answers at " + RealmTokens.URL);
      }
      if (Boolean.getBoolean("keycloak.required") || System.getenv("CI") != null) {
        throw new IllegalStateException("Keycloak is required (keycloak.required or CI) but the realm skills-henan "
            + "does not answer at " + RealmTokens.URL + ": start it with keycloak/start.sh");
      }
      return ConditionEvaluationResult.disabled("no Keycloak at " + RealmTokens.URL
          + " (keycloak/start.sh starts one; -Dkeycloak.required=true makes this a failure)");
    }
  }
}
