package cn.henan.skills.tabular;

import java.util.function.Predicate;

/**
 * How a column is named: the shared CSV's English header, the official Chinese heading, a short label for messages,
 * whether the file must have it, and which normalized Chinese headings mean it.
 */
public record ColumnSpec(String english, String heading, String label, boolean required, Predicate<String> matches) {

  /** The quota columns of Attachment 1, the same in every quota table. */
  public static final ColumnSpec TRAINING = new ColumnSpec("training_quota", "培训任务（人次）", "培训任务", true,
      h -> h.contains("培训"));
  public static final ColumnSpec CERTIFICATION = new ColumnSpec("certification_quota", "取证人数（人）", "取证人数", true,
      h -> h.contains("取证人数") && !h.contains("高级") && !h.contains("1+x"));
  public static final ColumnSpec ADVANCED = new ColumnSpec("advanced_or_above_quota", "其中高级工及以上（人）",
      "高级工及以上人数", true, h -> h.contains("高级"));
  public static final ColumnSpec ONE_PLUS_X = new ColumnSpec("one_plus_x_quota", "1+X证书取证人数（人）",
      "1+X 证书取证人数", true, h -> h.contains("1+x"));

  public ColumnSpec optional() {
    return new ColumnSpec(english, heading, label, false, matches);
  }
}
