package cn.henan.skills.quota;

import cn.henan.skills.tabular.ColumnSpec;
import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.TableColumn;

/**
 * The columns of the allocation table. A header is recognised by the shared CSV's English name or by the words of
 * Attachment 1's Chinese heading, compared after {@link Names#normalize}; each Attachment 1 heading matches one only.
 */
enum AllocationColumn implements TableColumn {
  SEQ(new ColumnSpec("seq", "序号", "序号", false, h -> h.equals("序号"))),
  UNIT(new ColumnSpec("unit", "省辖市、济源示范区、省直管县（市）、学校", "单位", true,
      h -> (h.contains("单位") || h.contains("学校") || h.contains("省辖市")) && !h.contains("类型")
          && !FormerName.matches(h))),
  KIND(new ColumnSpec("kind", "类型", "单位类型", false, h -> h.contains("类型"))),
  TRAINING(ColumnSpec.TRAINING),
  CERTIFICATION(ColumnSpec.CERTIFICATION),
  ADVANCED(ColumnSpec.ADVANCED),
  ONE_PLUS_X(ColumnSpec.ONE_PLUS_X),
  /** The province's statement that a row's unit is renamed (its former name) or new (新增); see README "Several years". */
  FORMER_NAME(new ColumnSpec("former_name", "原单位名称", "原单位名称", false, FormerName::matches));

  private final ColumnSpec spec;

  AllocationColumn(ColumnSpec spec) {
    this.spec = spec;
  }

  @Override
  public ColumnSpec spec() {
    return spec;
  }

  /** 原单位名称, 曾用名 (the unit column's heading also says 单位, so both ask this). */
  private static final class FormerName {
    static boolean matches(String heading) {
      return heading.contains("原单位") || heading.contains("曾用名");
    }
  }
}
