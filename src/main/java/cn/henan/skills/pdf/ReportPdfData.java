package cn.henan.skills.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What Attachment 2 (the monthly progress form) shows for one unit, month and version of its report.
 *
 * @param version increases whenever the report's figures change after a signature; printed into the QR code
 * @param rows exactly four, in the form's order: training (人次), certification, of which advanced-or-above, 1+X
 * @param signedAt when the unit's leading-group head signed, shown in Beijing time
 * @param filedAt the day the filer filed the report (填报时间)
 */
public record ReportPdfData(String unitCode, String unitName, int year, int month, int version,
    Institutions institutions, List<Row> rows, String leaderName, Instant signedAt, String filerName,
    String filerPhone, LocalDate filedAt) {

  /**
   * The four counts of vocational skill evaluation institutions (已备案职业技能评价机构数量), and of each how many the
   * unit declared without having filed them in this system (shown as “其中未备案”).
   */
  public record Institutions(int collegeSkillLevel, int skillAppraisal, int publicSkillLevel,
      int specialAbility, List<Integer> notFiled) {
    private static final List<Integer> NONE = List.of(0, 0, 0, 0);

    public Institutions {
      notFiled = List.copyOf(notFiled);
      if (notFiled.size() != 4) {
        throw new IllegalArgumentException("one not-filed count per kind of institution");
      }
    }

    /** Counts of institutions all filed in this system. */
    public Institutions(int collegeSkillLevel, int skillAppraisal, int publicSkillLevel, int specialAbility) {
      this(collegeSkillLevel, skillAppraisal, publicSkillLevel, specialAbility, NONE);
    }

    boolean anyNotFiled() {
      return notFiled.stream().anyMatch(count -> count > 0);
    }
  }

  /**
   * One indicator of the progress table.
   *
   * @param annualTask null where the unit has no requirement (—— in the table)
   * @param rate cumulative completion in percent, null where there is no rate (— in the table)
   */
  public record Row(Integer annualTask, long month, long cumulative, BigDecimal rate) {
  }

  public ReportPdfData {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(unitName, "unitName");
    Objects.requireNonNull(institutions, "institutions");
    Objects.requireNonNull(leaderName, "leaderName");
    Objects.requireNonNull(signedAt, "signedAt");
    Objects.requireNonNull(filerName, "filerName");
    Objects.requireNonNull(filerPhone, "filerPhone");
    Objects.requireNonNull(filedAt, "filedAt");
    rows = List.copyOf(rows);
    if (rows.size() != 4) {
      throw new IllegalArgumentException("the progress table has four rows, got " + rows.size());
    }
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month " + month);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version " + version);
    }
  }
}
