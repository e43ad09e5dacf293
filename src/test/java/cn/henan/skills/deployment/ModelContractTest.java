package cn.henan.skills.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelContract} names every process key, message and decision the Java code relies on: the sources are read
 * for the engine calls that name one (starting, querying, correlating, evaluating), with the string or the constant
 * they pass, and each must be listed there — or the deployment check would let a model drop it unnoticed.
 */
class ModelContractTest {
  private static final Pattern CALL = Pattern.compile("(startProcessInstanceByKey|processDefinitionKey"
      + "|createProcessInstanceByKey|correlateMessage|createMessageCorrelation|evaluateDecisionTableByKey"
      + "|evaluateDecisionByKey|decisionDefinitionKey)\\(\\s*(\"[^\"]+\"|[A-Z_]+)");
  private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\"");

  @Test
  void everyKeyTheCodeNamesIsInTheContract() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
          constants.put(constant.group(1), constant.group(2));
        }
        Matcher call = CALL.matcher(code);
        while (call.find()) {
          String argument = call.group(2);
          String key = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
              : constants.get(argument);
          if (key != null && !source.endsWith("ModelContract.java")) {
            named.add(key);
          }
        }
      }
    }
    Set<String> contract = new TreeSet<>(ModelContract.REQUIRED.processKeys());
    ModelContract.REQUIRED.messages().values().forEach(contract::addAll);
    contract.addAll(ModelContract.REQUIRED.decisions().keySet());
    assertThat(named).as("keys the code names").contains("monthly-report", "unit-year", "urge");
    assertThat(contract).containsAll(named);
  }
}
