package cn.henan.skills.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A radio group or select with listed values: one of them only ({@code choices}: value → label shown). */
public record ChoiceField(String key, String label, Map<String, String> choices) implements FieldRule {
  public ChoiceField {
    choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
  }

  @Override
  public String refusal(Object sent) {
    Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
    if (value == null || value instanceof String s && s.isEmpty() || choices.containsKey(String.valueOf(value))
        && (value instanceof String || value instanceof Boolean || value instanceof Number)) {
      return null;
    }
    return "未作任何更改：“" + label + "” 只能选择" + String.join("、", choices.values().stream()
        .map(c -> "“" + c + "”").toList()) + "之一。";
  }
}
