package cn.henan.skills.tabular;

import java.util.List;

/**
 * One data row of a table whose header is known, adding a problem named by row and column for everything wrong with
 * it. An importer reads the cells it needs through this and builds its line only when {@link #ok()}.
 */
public final class TableRow<C extends Enum<C> & TableColumn> {
  private final TableHeader<C> header;
  private final Table.Row row;
  private final List<ImportProblem> problems;
  private final int problemsBefore;

  TableRow(TableHeader<C> header, Table.Row row, List<ImportProblem> problems) {
    this.header = header;
    this.row = row;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  /** The row number in the file. */
  public int number() {
    return row.number();
  }

  /** The cell, trimmed; empty when the file has no such (optional) column. */
  public String text(C column) {
    return header.has(column) ? header.cell(row, column) : "";
  }

  /** @return the quota, or null for "no requirement", for a missing optional column, or when the cell has a problem */
  public Integer quota(C column) {
    return quota(column, false, null);
  }

  /** @return the quota, or null when the cell has a problem (then reported: blank and dashes included) */
  public Integer requiredQuota(C column) {
    return quota(column, true, null);
  }

  /** @param whyRequired added to the message when the cell is blank or a dash, for columns where that surprises */
  public Integer requiredQuota(C column, String whyRequired) {
    return quota(column, true, whyRequired);
  }

  private Integer quota(C column, boolean required, String whyRequired) {
    String raw = text(column);
    try {
      Integer quota = QuotaCell.parse(raw);
      if (quota == null && required) {
        String message = raw.isEmpty() ? "不能为空" : "必须填写人数，不能为\"" + raw + "\"";
        problem(column, whyRequired == null ? message : message + "：" + whyRequired);
      }
      return quota;
    } catch (QuotaCell.InvalidQuota e) {
      problem(column, e.getMessage());
      return null;
    }
  }

  /** Reports on {@code part} when both quotas are known and the part is larger than the whole. */
  public void checkAtMost(C part, Integer partQuota, C whole, Integer wholeQuota) {
    if (partQuota != null && wholeQuota != null && partQuota > wholeQuota) {
      problem(part, part.label() + "（" + partQuota + "）不能大于" + whole.label() + "（" + wholeQuota + "）");
    }
  }

  /** A problem with the cell in {@code column}, named as the file writes it (by its heading if the file lacks it). */
  public void problem(C column, String message) {
    problems.add(new ImportProblem(row.number(), header.has(column) ? header.name(column) : column.heading(), message));
  }

  /** Whether nothing has been found wrong with this row so far. */
  public boolean ok() {
    return problems.size() == problemsBefore;
  }
}
