package cn.henan.skills.subdivision;

import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.TableColumn;
import java.util.function.Predicate;

/**
 * The columns of a city's table splitting its quota over its secondary vocational schools: the quota columns of
 * Attachment 1, with a school instead of a unit, and a reason for any advanced-level task. Headers are compared after
 * {@link Names#normalize}.
 */
enum SchoolQuotaColumn implements TableColumn {
  SCHOOL("school", "学校名称", "学校名称", true, h -> h.contains("学校") || h.contains("单位")),
  TRAINING("training_quota", "培训任务（人次）", "培训任务", true, h -> h.contains("培训")),
  CERTIFICATION("certification_quota", "取证人数（人）", "取证人数", true,
      h -> h.contains("取证人数") && !h.contains("高级") && !h.contains("1+x")),
  // optional: the notice strictly controls advanced certificates for secondary schools, most have none
  ADVANCED("advanced_or_above_quota", "其中高级工及以上（人）", "高级工及以上人数", false, h -> h.contains("高级")),
  ONE_PLUS_X("one_plus_x_quota", "1+X证书取证人数（人）", "1+X 证书取证人数", true, h -> h.contains("1+x")),
  ADVANCED_REASON("advanced_reason", "高级工任务说明", "高级工任务说明", false, SchoolQuotaColumn::explains);

  private final String english;
  private final String heading;
  private final String label;
  private final boolean required;
  private final Predicate<String> chineseHeading;

  SchoolQuotaColumn(String english, String heading, String label, boolean required, Predicate<String> chineseHeading) {
    this.english = english;
    this.heading = heading;
    this.label = label;
    this.required = required;
    this.chineseHeading = chineseHeading;
  }

  /** 「高级工任务说明」 also names 高级 and 「学校高级工培训理由」 a school: an explaining heading means the reason only. */
  private static boolean explains(String normalized) {
    return normalized.contains("说明") || normalized.contains("理由") || normalized.contains("原因");
  }

  @Override
  public String english() {
    return english;
  }

  @Override
  public String heading() {
    return heading;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean required() {
    return required;
  }

  @Override
  public boolean matchesHeading(String normalized) {
    return this == ADVANCED_REASON ? explains(normalized) : !explains(normalized) && chineseHeading.test(normalized);
  }
}
