package cn.henan.skills.boundary;

import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A text field: text only, at most {@code maxLength} characters — the form's own {@code validate.maxLength} (Camunda
 * Form) or {@code maxlength} (embedded form), otherwise {@value #DEFAULT_LINE} for a line and
 * {@value #DEFAULT_AREA} for a text area. Tasklist enforces the same limit while typing; this holds it for a request
 * sent past Tasklist.
 */
public record TextField(String key, String label, int maxLength) implements FieldRule {
  public static final int DEFAULT_LINE = 200;
  public static final int DEFAULT_AREA = 4000;

  @Override
  public String refusal(Object sent) {
    Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
    if (value == null || value instanceof java.util.Date) {
      return null; // a date field's value as the Java API sends it
    }
    if (!(value instanceof String text)) {
      return "未作任何更改：“" + label + "” 只能填写文字。";
    }
    int length = text.codePointCount(0, text.length());
    return length <= maxLength ? null
        : "未作任何更改：“" + label + "” 最多 " + maxLength + " 个字，提交的内容有 " + length + " 个字，请删减后再提交。";
  }
}
