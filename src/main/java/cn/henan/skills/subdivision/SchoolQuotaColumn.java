package cn.henan.skills.subdivision;

import cn.henan.skills.tabular.ColumnSpec;
import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.TableColumn;

/**
 * The columns of a city's table splitting its quota over its secondary vocational schools: the quota columns of
 * Attachment 1, with a school instead of a unit, and a reason for any advanced-level task. Headers are compared after
 * {@link Names#normalize}.
 */
enum SchoolQuotaColumn implements TableColumn {
  SCHOOL(new ColumnSpec("school", "学校名称", "学校名称", true, h -> h.contains("学校") || h.contains("单位"))),
  TRAINING(ColumnSpec.TRAINING),
  CERTIFICATION(ColumnSpec.CERTIFICATION),
  // optional: the notice strictly controls advanced certificates for secondary schools, most have none
  ADVANCED(ColumnSpec.ADVANCED.optional()),
  ONE_PLUS_X(ColumnSpec.ONE_PLUS_X),
  ADVANCED_REASON(new ColumnSpec("advanced_reason", "高级工任务说明", "高级工任务说明", false,
      SchoolQuotaColumn::explains));

  private final ColumnSpec spec;

  SchoolQuotaColumn(ColumnSpec spec) {
    this.spec = spec;
  }

  /** 「高级工任务说明」 also names 高级 and 「学校高级工培训理由」 a school: an explaining heading means the reason only. */
  private static boolean explains(String normalized) {
    return normalized.contains("说明") || normalized.contains("理由") || normalized.contains("原因");
  }

  @Override
  public ColumnSpec spec() {
    return spec;
  }

  @Override
  public boolean matchesHeading(String normalized) {
    return this == ADVANCED_REASON ? explains(normalized) : !explains(normalized) && spec.matches().test(normalized);
  }
}
