package cn.henan.skills.quota;

import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.TableColumn;
import java.util.function.Predicate;

/**
 * The columns of the allocation table. A header is recognised by the shared CSV's English name or by the words of
 * Attachment 1's Chinese heading, compared after {@link Names#normalize}; each Attachment 1 heading matches one only.
 */
enum AllocationColumn implements TableColumn {
  SEQ("seq", "序号", "序号", false, h -> h.equals("序号")),
  UNIT("unit", "省辖市、济源示范区、省直管县（市）、学校", "单位", true,
      h -> (h.contains("单位") || h.contains("学校") || h.contains("省辖市")) && !h.contains("类型")),
  KIND("kind", "类型", "单位类型", false, h -> h.contains("类型")),
  TRAINING("training_quota", "培训任务（人次）", "培训任务", true, h -> h.contains("培训")),
  CERTIFICATION("certification_quota", "取证人数（人）", "取证人数", true,
      h -> h.contains("取证人数") && !h.contains("高级") && !h.contains("1+x")),
  ADVANCED("advanced_or_above_quota", "其中高级工及以上（人）", "高级工及以上人数", true, h -> h.contains("高级")),
  ONE_PLUS_X("one_plus_x_quota", "1+X证书取证人数（人）", "1+X 证书取证人数", true, h -> h.contains("1+x"));

  private final String english;
  private final String heading;
  private final String label;
  private final boolean required;
  private final Predicate<String> chineseHeading;

  AllocationColumn(String english, String heading, String label, boolean required, Predicate<String> chineseHeading) {
    this.english = english;
    this.heading = heading;
    this.label = label;
    this.required = required;
    this.chineseHeading = chineseHeading;
  }

  @Override
  public String english() {
    return english;
  }

  /** The heading Attachment 1 gives the column. */
  @Override
  public String heading() {
    return heading;
  }

  @Override
  public String label() {
    return label;
  }

  /** Seq and kind are only there as a reader's aid and a cross-check. */
  @Override
  public boolean required() {
    return required;
  }

  @Override
  public boolean matchesHeading(String normalized) {
    return chineseHeading.test(normalized);
  }
}
