package cn.henan.skills.quota;

import cn.henan.skills.tabular.QuotaLine;
import cn.henan.skills.unit.UnitKind;

/**
 * One unit's quotas from the allocation table. {@code row} is the row in the uploaded file; {@code unitName} is the
 * registry's spelling, or for a renamed or new unit the name the table states. {@code unitCode} is null for a new
 * unit (it gets its code when the year is published). {@code advanced} and {@code onePlusX} are null where the table
 * says "——" (no requirement), which is not the same as a quota of 0.
 */
public record AllocationLine(int row, String unitCode, String unitName, UnitKind kind, int training,
    int certification, Integer advanced, Integer onePlusX, Statement statement) implements QuotaLine {

  /** What the table's 原单位名称 column states about the row's unit. */
  public enum Statement {
    /** Nothing: the unit is in the year's registry under this name. */
    NONE,
    /** The unit of that code is called {@code unitName} from this year on. */
    RENAMED,
    /** A unit new to the registry; it gets the next code on publication. */
    NEW_UNIT
  }
}
