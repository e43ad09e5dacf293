package cn.henan.skills.tabular;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one quota cell: a whole number of people, or a dash or blank for "no requirement". */
public final class QuotaCell {
  public static final int MAX = 10_000_000;

  /** How Attachment 1 and the people retyping it write "no requirement". */
  private static final Set<String> NO_REQUIREMENT = Set.of("", "——", "—", "－", "-", "--");
  // a trailing ".0" is what spreadsheet tools write for a whole number stored as floating point
  private static final Pattern WHOLE = Pattern.compile("(\\d+)(\\.0+)?");
  private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");
  private static final Pattern FRACTION = Pattern.compile("\\d*\\.\\d+");
  private static final BigInteger LIMIT = BigInteger.valueOf(MAX);

  private QuotaCell() {
  }

  /** @return the number, or null for "no requirement" */
  public static Integer parse(String raw) throws InvalidQuota {
    if (NO_REQUIREMENT.contains(raw)) {
      return null;
    }
    // full-width digits and commas come from Chinese input methods
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    String quoted = "（\"" + raw + "\"）";
    if (text.contains(",")) {
      throw new InvalidQuota("不是整数" + quoted + "：请去掉千位分隔符（逗号）");
    }
    if (NEGATIVE.matcher(text).matches()) {
      throw new InvalidQuota("不能为负数" + quoted);
    }
    Matcher whole = WHOLE.matcher(text);
    if (!whole.matches()) {
      throw new InvalidQuota(FRACTION.matcher(text).matches()
          ? "不是整数" + quoted + "：人数必须是整数，不能有小数"
          : "不是整数" + quoted);
    }
    BigInteger value = new BigInteger(whole.group(1));
    if (value.compareTo(LIMIT) > 0) {
      throw new InvalidQuota("超过上限 " + MAX + quoted);
    }
    return value.intValue();
  }

  /** The cell is not a quota; the message says why and quotes the value. */
  public static final class InvalidQuota extends Exception {
    InvalidQuota(String message) {
      super(message);
    }
  }
}
