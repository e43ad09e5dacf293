package cn.henan.skills.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task's (or start event's) form lets its user fill ({@code writable}) and what it only shows
 * ({@code display}: read-only or disabled fields, which Tasklist may send back unchanged). Read from the deployed
 * form itself, so a changed form changes what may be written without a change in Java.
 */
public record FormFields(Set<String> writable, Set<String> display, Map<String, FieldRule> rules) {
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
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  /** A date-time value as form-js sends it (2022-03-30T23:59 with an offset at most). */
  private static final int DATE_TIME_LENGTH = 40;

  public FormFields(Set<String> writable, Set<String> display) {
    this(writable, display, Map.of());
  }

  /**
   * The refusal for a value sent for a writable field that its rule does not accept (a number out of bounds, text
   * too long, a choice the form does not list), or null when the value is fine or the field has no rule. Checked
   * before anything expands the value.
   */
  public String refusal(String name, Object value) {
    FieldRule rule = rules.get(name);
    return rule == null || !writable.contains(name) ? null : rule.refusal(value);
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
    Map<String, FieldRule> rules = new LinkedHashMap<>();
    collect(root.path("components"), writable, display, rules);
    display.removeAll(writable);
    return new FormFields(writable, display, rules);
  }

  private static void collect(JsonNode components, Set<String> writable, Set<String> display,
      Map<String, FieldRule> rules) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (!key.isEmpty() && INPUT_TYPES.contains(component.path("type").asText())) {
        // a FEEL condition ("=…") may make the field editable, so only a literal true makes it display-only
        boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        (readOnly ? display : writable).add(key);
        rule(key, component).ifPresent(rule -> rules.put(key, rule));
      }
      collect(component.path("components"), writable, display, rules);
    }
  }

  /** A Camunda Form component's rule: numbers, text and listed choices have one; other fields none. */
  private static Optional<FieldRule> rule(String key, JsonNode component) {
    String label = component.path("label").asText("").strip();
    label = label.isEmpty() ? key : label;
    JsonNode maxLength = component.path("validate").path("maxLength");
    switch (component.path("type").asText()) {
      case "number":
        return Optional.of(NumberField.of(key, component));
      case "textfield":
      case "textarea":
        int otherwise = "textarea".equals(component.path("type").asText())
            ? TextField.DEFAULT_AREA : TextField.DEFAULT_LINE;
        return Optional.of(new TextField(key, label, maxLength.canConvertToInt() && maxLength.asInt() > 0
            ? maxLength.asInt() : otherwise));
      case "datetime":
        return Optional.of(new TextField(key, label, DATE_TIME_LENGTH));
      case "radio":
      case "select":
        Map<String, String> choices = new LinkedHashMap<>();
        component.path("values").forEach(v -> choices.put(v.path("value").asText(), v.path("label").asText()));
        // values from a variable or an expression are not known here: the step checks them
        return choices.isEmpty() ? Optional.empty() : Optional.of(new ChoiceField(key, label, choices));
      default:
        return Optional.empty();
    }
  }

  static FormFields embeddedForm(String html) {
    Set<String> writable = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    Map<String, FieldRule> rules = new LinkedHashMap<>();
    Matcher input = EMBEDDED_INPUT.matcher(html);
    while (input.find()) {
      String tag = input.group();
      Matcher name = VARIABLE_NAME.matcher(tag);
      if (name.find()) {
        String key = name.group(1).trim();
        (READ_ONLY.matcher(tag).find() ? display : writable).add(key);
        embeddedRule(key, tag, html).ifPresent(rule -> rules.put(key, rule));
      }
    }
    display.removeAll(writable);
    return new FormFields(writable, display, rules);
  }

  /** An embedded input's rule from its tag: a number's min/max, a text's maxlength; files and checkboxes none. */
  private static Optional<FieldRule> embeddedRule(String key, String tag, String html) {
    String label = embeddedLabel(key, tag, html);
    String type = attribute(tag, "type").orElse("text").toLowerCase(java.util.Locale.ROOT);
    if (tag.regionMatches(true, 0, "<textarea", 0, 9)) {
      return Optional.of(new TextField(key, label, number(attribute(tag, "maxlength"), TextField.DEFAULT_AREA)));
    }
    if (tag.regionMatches(true, 0, "<select", 0, 7)) {
      return Optional.of(new TextField(key, label, TextField.DEFAULT_LINE));
    }
    switch (type) {
      case "number":
        String variableType = attribute(tag, "cam-variable-type").orElse("");
        boolean integer = Set.of("integer", "long", "short").contains(variableType.toLowerCase(java.util.Locale.ROOT));
        return Optional.of(new NumberField(key, label, integer,
            number(attribute(tag, "min"), -NumberField.DEFAULT_LIMIT), number(attribute(tag, "max"),
            NumberField.DEFAULT_LIMIT)));
      case "text":
      case "date":
      case "email":
      case "tel":
        return Optional.of(new TextField(key, label, number(attribute(tag, "maxlength"), TextField.DEFAULT_LINE)));
      default:
        return Optional.empty(); // files are bounded by size, checkboxes are booleans
    }
  }

  /** The text of {@code <label for="id">} of the input's id, else its variable name. */
  private static String embeddedLabel(String key, String tag, String html) {
    Optional<String> id = attribute(tag, "id");
    if (id.isPresent()) {
      Matcher label = Pattern.compile("<label\\b[^>]*\\bfor\\s*=\\s*[\"']" + Pattern.quote(id.get())
          + "[\"'][^>]*>([^<]{1,100})<", Pattern.CASE_INSENSITIVE).matcher(html);
      if (label.find()) {
        return label.group(1).strip();
      }
    }
    return key;
  }

  private static Optional<String> attribute(String tag, String name) {
    Matcher value = Pattern.compile("\\s" + Pattern.quote(name) + "\\s*=\\s*[\"']([^\"']*)[\"']",
        Pattern.CASE_INSENSITIVE).matcher(tag);
    return value.find() ? Optional.of(value.group(1).trim()) : Optional.empty();
  }

  private static int number(Optional<String> text, long otherwise) {
    try {
      return text.map(Integer::parseInt).filter(n -> n > 0 || otherwise < 0).orElse((int) otherwise);
    } catch (NumberFormatException e) {
      return (int) otherwise;
    }
  }
}
