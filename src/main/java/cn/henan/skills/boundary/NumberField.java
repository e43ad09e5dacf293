package cn.henan.skills.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A Camunda Form {@code number} field: whole numbers only when its {@code decimalDigits} is 0, between its
 * {@code validate.min} and {@code validate.max} (by default ±{@value #DEFAULT_LIMIT}). A value is checked by its size
 * before it is ever expanded: {@code 1e50000000} as a {@link BigDecimal} is two ints, its digits are 50 MB.
 */
public record NumberField(String key, String label, boolean integer, long min, long max) implements FieldRule {
  /** The largest count any form of this application asks for has eight digits. */
  public static final long DEFAULT_LIMIT = 99_999_999L;
  /** Digits before the point a bounded value can have (the bounds are {@code long}s within ±10^15). */
  private static final int MAX_INTEGER_DIGITS = 15;
  private static final long BOUND = 999_999_999_999_999L;
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,18})?");

  static NumberField of(String key, JsonNode component) {
    String label = component.path("label").asText("").strip();
    JsonNode validate = component.path("validate");
    boolean integer = component.path("decimalDigits").isNumber() && component.path("decimalDigits").asInt() == 0;
    long min = bound(validate.path("min"), -DEFAULT_LIMIT);
    long max = bound(validate.path("max"), DEFAULT_LIMIT);
    return new NumberField(key, label.isEmpty() ? key : label, integer, min, max);
  }

  private static long bound(JsonNode node, long otherwise) {
    if (!node.isNumber()) {
      return otherwise;
    }
    double value = node.asDouble();
    return (long) Math.max(-BOUND, Math.min(BOUND, value));
  }

  /** Null when {@code sent} is a fitting number (or nothing), otherwise the Chinese refusal naming the field. */
  @Override
  public String refusal(Object sent) {
    if (sent instanceof SerializableValue || sent instanceof FileValue) {
      return sentence(); // an object, JSON or a file is no number (and is never deserialized here)
    }
    Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
    if (value == null || value instanceof String s && s.isBlank()) {
      return null; // an empty field: the step's own rules say it must be filled
    }
    return fits(value) ? null : sentence();
  }

  private String sentence() {
    return "未作任何更改：“" + label + "” 必须是 " + min + " 到 " + max + " 之间的" + (integer ? "整数" : "数") + "。";
  }

  private boolean fits(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return within(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) && (!integer || d == Math.rint(d)) && d >= min && d <= max;
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 63 && within(big.longValue());
    }
    if (value instanceof BigDecimal big) {
      return decimal(big);
    }
    if (value instanceof String text) {
      String t = text.strip();
      // the pattern bounds the length first: nothing long is ever parsed
      if (t.length() > 40 || !(integer ? INTEGER_TEXT : DECIMAL_TEXT).matcher(t).matches()) {
        return false;
      }
      return decimal(new BigDecimal(t));
    }
    return false; // booleans, dates, files, JSON: no number
  }

  /** Without expanding: the digits before the point are precision − scale, computed in long (9e2147483647). */
  private boolean decimal(BigDecimal big) {
    if (big.signum() == 0) {
      return within(0);
    }
    long integerDigits = (long) big.precision() - big.scale();
    if (integerDigits > MAX_INTEGER_DIGITS) {
      return false;
    }
    if (integerDigits < -MAX_INTEGER_DIGITS || big.precision() > 40) {
      return false; // 1e-50000000, or more digits than any form's number has
    }
    if (integer && big.scale() > 0 && big.stripTrailingZeros().scale() > 0) {
      return false;
    }
    return big.compareTo(BigDecimal.valueOf(min)) >= 0 && big.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  private boolean within(long value) {
    return value >= min && value <= max;
  }
}
