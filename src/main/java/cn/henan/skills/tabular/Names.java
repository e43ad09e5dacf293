package cn.henan.skills.tabular;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Compares headers and unit names the way a reader would: ignoring spacing, line breaks and full/half width. */
public final class Names {
  private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");

  private Names() {
  }

  /** NFKC turns full-width brackets, plus signs, letters and spaces half-width; then all spacing goes. */
  public static String normalize(String text) {
    return INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
