package cn.henan.skills.unit;

import java.util.Arrays;
import java.util.List;

/** Unit codes as people type them into a form field. */
public final class UnitCodes {
  private UnitCodes() {
  }

  /** {@code "u029, u030，u002-s01"} → the codes in order, once each: commas of either width, 、, semicolons, spaces. */
  public static List<String> parse(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,，、;；\\s]+"))
        .map(String::trim).filter(code -> !code.isEmpty()).distinct().toList();
  }
}
