package cn.henan.skills.subdivision;

import cn.henan.skills.tabular.QuotaLine;

/**
 * One school's share of its city's quota. {@code row} is the row in the uploaded file, {@code schoolName} as written
 * there (trimmed). {@code advanced} is null where the table gives no advanced-level task (blank or ——), which is not
 * the same as 0; {@code advancedReason} is null when blank, and given whenever {@code advanced} is above 0.
 */
public record SchoolQuotaLine(int row, String schoolName, int training, int certification, Integer advanced,
    Integer onePlusX, String advancedReason) implements QuotaLine {
}
