package cn.henan.skills.platform;

/**
 * Text a form shows from a String process variable. Camunda stores a String variable in a 4,000-character column, so
 * a longer text (171 error lines, a province-wide list of units) would fail the whole step with a database error.
 */
public final class FormText {
  public static final int MAX_LENGTH = 4000;

  private FormText() {
  }

  /**
   * The text as it is when it fits; otherwise as many whole lines as fit, then a last line saying how many lines are
   * left out and {@code whereTheRestIs} (e.g. "完整名单见进度看板").
   */
  public static String fit(String text, String whereTheRestIs) {
    if (text == null || text.length() <= MAX_LENGTH) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    int shown = 0;
    while (shown < lines.length) {
      String tail = tail(lines.length - shown - 1, whereTheRestIs);
      int needed = (kept.isEmpty() ? 0 : 1) + lines[shown].length();
      if (kept.length() + needed + 1 + tail.length() > MAX_LENGTH) {
        break;
      }
      if (!kept.isEmpty()) {
        kept.append('\n');
      }
      kept.append(lines[shown++]);
    }
    if (kept.isEmpty()) {
      // the first line alone is too long: its beginning
      String cut = "……（未显示完；" + whereTheRestIs + "）";
      return text.substring(0, MAX_LENGTH - cut.length() - 1) + "\n" + cut;
    }
    return kept + "\n" + tail(lines.length - shown, whereTheRestIs);
  }

  private static String tail(int linesLeftOut, String whereTheRestIs) {
    return "……（另有 " + linesLeftOut + " 行未显示；" + whereTheRestIs + "）";
  }
}
