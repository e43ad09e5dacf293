package cn.henan.skills.tabular;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as Excel writes it: comma-separated, quoted fields may hold commas, doubled quotes and line breaks. */
final class CsvParser {
  private final String text;
  private final List<Table.Row> records = new ArrayList<>();
  private final List<String> cells = new ArrayList<>();
  private final StringBuilder cell = new StringBuilder();
  private int line = 1;
  private int recordStart = 1;

  private CsvParser(String text) {
    this.text = text;
  }

  /** @throws TabularFileException naming {@code file} when a quoted field is never closed */
  static List<Table.Row> parse(String text, String file) {
    return new CsvParser(text).records(file);
  }

  private List<Table.Row> records(String file) {
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && next(i) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (isLineEnd(c, i)) {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
      } else if (c == ',') {
        endCell();
      } else if (c == '\r' || c == '\n') {
        if (isLineEnd(c, i)) {
          endRecord();
        }
      } else {
        cell.append(c);
      }
      fieldStart = !quoted && (c == ',' || c == '\r' || c == '\n');
    }
    if (quoted) {
      throw new TabularFileException(file + "第 " + recordStart + " 行有一个引号（\"）没有闭合，CSV 格式不完整");
    }
    if (!cells.isEmpty() || cell.length() > 0) {
      endRecord();
    }
    return records;
  }

  /** A line ends at "\n", or at a "\r" not followed by "\n" (so "\r\n" counts once). */
  private boolean isLineEnd(char c, int i) {
    return c == '\n' || (c == '\r' && next(i) != '\n');
  }

  private char next(int i) {
    return i + 1 < text.length() ? text.charAt(i + 1) : 0;
  }

  private void endCell() {
    cells.add(cell.toString());
    cell.setLength(0);
  }

  private void endRecord() {
    endCell();
    records.add(new Table.Row(recordStart, cells));
    cells.clear();
    line++;
    recordStart = line;
  }
}
