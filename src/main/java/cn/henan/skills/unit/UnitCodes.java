package cn.henan.skills.unit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Unit codes as people type them into a form field. */
public final class UnitCodes {
  private UnitCodes() {
  }

  /**
   * {@code "u029, U030，u002-s01"} → the codes in order, in lower case, once each: separated by commas of either
   * width, 、, semicolons or spaces.
   */
  public static List<String> parse(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,，、;；\\s]+"))
        .map(code -> code.trim().toLowerCase(Locale.ROOT)).filter(code -> !code.isEmpty()).distinct().toList();
  }
}
