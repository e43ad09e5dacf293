package cn.henan.skills.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task's (or start event's) form lets its user fill ({@code writable}) and what it only shows
 * ({@code display}: read-only or disabled fields, which Tasklist may send back unchanged). Read from the deployed
 * form itself, so a changed form changes what may be written without a change in Java.
 */
public record FormFields(Set<String> writable, Set<String> display, Map<String, NumberField> numbers) {
  public static final FormFields NONE = new FormFields(Set.of(), Set.of());

  /** Camunda Form (form-js) components whose value the user types or picks; all others only show something. */
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime", "filepicker");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMBEDDED_INPUT = Pattern.compile("<(?:input|select|textarea)\\b[^>]*>",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VARIABLE_NAME = Pattern.compile("\\bcam-variable-name\\s*=\\s*[\"']([^\"']+)[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern READ_ONLY = Pattern.compile("\\s(?:readonly|disabled)(?:\\s*=\\s*[\"'][^\"']*[\"'])?"
      + "(?=[\\s/>])", Pattern.CASE_INSENSITIVE);

  public FormFields {
    writable = Collections.unmodifiableSet(new LinkedHashSet<>(writable));
    display = Collections.unmodifiableSet(new LinkedHashSet<>(display));
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
  }

  public FormFields(Set<String> writable, Set<String> display) {
    this(writable, display, Map.of());
  }

  /**
   * The refusal for a value sent for a writable {@code number} field that is no number within its bounds, or null
   * when the value is fine (or the field is no number field). Checked before anything expands the number.
   */
  public String numberRefusal(String name, Object value) {
    NumberField field = numbers.get(name);
    return field == null || !writable.contains(name) ? null : field.refusal(value);
  }

  /** Parses a deployed form: a Camunda Form (JSON) or an embedded HTML form ({@code cam-variable-name} inputs). */
  public static FormFields parse(byte[] form) {
    String text = new String(form, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.startsWith("{") ? camundaForm(text) : embeddedForm(text);
  }

  static FormFields camundaForm(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
    Set<String> writable = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    Map<String, NumberField> numbers = new LinkedHashMap<>();
    collect(root.path("components"), writable, display, numbers);
    display.removeAll(writable);
    return new FormFields(writable, display, numbers);
  }

  private static void collect(JsonNode components, Set<String> writable, Set<String> display,
      Map<String, NumberField> numbers) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (!key.isEmpty() && INPUT_TYPES.contains(component.path("type").asText())) {
        // a FEEL condition ("=…") may make the field editable, so only a literal true makes it display-only
        boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (readOnly ? display : writable).add(key);
        if ("number".equals(component.path("type").asText())) {
          numbers.put(key, NumberField.of(key, component));
        }
      }
      collect(component.path("components"), writable, display, numbers);
    }
  }

  static FormFields embeddedForm(String html) {
    Set<String> writable = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    Matcher input = EMBEDDED_INPUT.matcher(html);
    while (input.find()) {
      Matcher name = VARIABLE_NAME.matcher(input.group());
      if (name.find()) {
        (READ_ONLY.matcher(input.group()).find() ? display : writable).add(name.group(1).trim());
      }
    }
    display.removeAll(writable);
    return new FormFields(writable, display);
  }
}
