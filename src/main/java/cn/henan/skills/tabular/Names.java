package cn.henan.skills.tabular;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares headers and unit names the way a reader would: ignoring spacing, line breaks and full/half width. */
public final class Names {
  private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");

  private Names() {
  }

  /** Characters that Markdown or HTML would read as markup (links, emphasis, tags, tables, templates, escapes). */
  private static final Pattern MARKUP = Pattern.compile("[\\[\\]<>*_`#|{}\\\\]");

  /**
   * Why a unit or school name may not be used: it contains a character that Markdown or HTML would read as markup
   * (after NFKC, so full-width look-alikes count too). A name is shown to other units in forms and pages, where it
   * must read as plain text. Empty if the name is fine.
   */
  public static Optional<String> markupProblem(String name) {
    Matcher m = MARKUP.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC));
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of("含有字符“" + m.group() + "”：名称中不能使用 [ ] < > * _ ` # | { } \\ 这些符号，请只填写单位全称");
  }

  /** NFKC turns full-width brackets, plus signs, letters and spaces half-width; then all spacing goes. */
  public static String normalize(String text) {
    return INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
