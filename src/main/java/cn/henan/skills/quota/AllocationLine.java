package cn.henan.skills.quota;

import cn.henan.skills.tabular.QuotaLine;
import cn.henan.skills.unit.UnitKind;

/**
 * One unit's quotas from the allocation table. {@code row} is the row in the uploaded file; {@code unitName} is the
 * registry's spelling. {@code advanced} and {@code onePlusX} are null where the table says "——" (no requirement),
 * which is not the same as a quota of 0.
 */
public record AllocationLine(int row, String unitCode, String unitName, UnitKind kind, int training,
    int certification, Integer advanced, Integer onePlusX) implements QuotaLine {
}
