package cn.henan.skills.tabular;

import java.util.List;

/**
 * The rows of an uploaded sheet as trimmed strings: the first non-blank row is the header, blank rows are left out.
 * Trailing blank cells beyond the header's width are dropped, as they hold nothing for any column.
 */
public record Table(Row header, List<Row> rows) {
  public Table {
    rows = List.copyOf(rows);
  }

  /** One row of the file; {@code number} is its 1-based row (line) number in the file, as the uploader sees it. */
  public record Row(int number, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }
}
