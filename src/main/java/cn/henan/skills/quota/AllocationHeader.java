package cn.henan.skills.quota;

import cn.henan.skills.tabular.ImportProblem;

import cn.henan.skills.tabular.Table;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where each column of the allocation table is in the uploaded file, and what the file calls it. */
final class AllocationHeader {
  private final Table.Row header;
  private final Map<AllocationColumn, Integer> positions;

  private AllocationHeader(Table.Row header, Map<AllocationColumn, Integer> positions) {
    this.header = header;
    this.positions = positions;
  }

  /** @return the header, or empty after adding to {@code problems} why the file's header cannot be used */
  static Optional<AllocationHeader> read(Table.Row header, List<ImportProblem> problems) {
    int problemsBefore = problems.size();
    Map<AllocationColumn, Integer> positions = new EnumMap<>(AllocationColumn.class);
    for (int i = 0; i < header.cells().size(); i++) {
      String text = display(header.cells().get(i));
      if (text.isEmpty()) {
        problems.add(new ImportProblem(header.number(), null, "第 " + (i + 1) + " 列没有表头："
            + "表头须写在同一行，不要合并单元格或分成两行"));
        continue;
      }
      Optional<AllocationColumn> column = AllocationColumn.recognize(text);
      if (column.isEmpty()) {
        problems.add(new ImportProblem(header.number(), text, "无法识别的列。本表的列为：" + expectedColumns()));
        continue;
      }
      Integer earlier = positions.putIfAbsent(column.get(), i);
      if (earlier != null) {
        problems.add(new ImportProblem(header.number(), text, "与第 " + (earlier + 1) + " 列「"
            + display(header.cells().get(earlier)) + "」重复，都是「" + column.get().heading() + "」列"));
      }
    }
    for (AllocationColumn column : AllocationColumn.values()) {
      if (column.required() && !positions.containsKey(column)) {
        problems.add(new ImportProblem(header.number(), null,
            "缺少「" + column.heading() + "」列（英文表头为 " + column.english() + "）"));
      }
    }
    return problems.size() == problemsBefore ? Optional.of(new AllocationHeader(header, positions)) : Optional.empty();
  }

  private static String expectedColumns() {
    return Arrays.stream(AllocationColumn.values())
        .map(column -> "「" + column.heading() + "」" + (column.required() ? "" : "（可选）"))
        .collect(Collectors.joining("、"))
        + "；或英文表头 " + Arrays.stream(AllocationColumn.values())
        .map(AllocationColumn::english)
        .collect(Collectors.joining(", "));
  }

  /** A header cell as the uploader wrote it, on one line. */
  private static String display(String cell) {
    return cell.strip().replaceAll("[\\s\\u3000]+", " ");
  }

  int width() {
    return header.cells().size();
  }

  boolean has(AllocationColumn column) {
    return positions.containsKey(column);
  }

  String cell(Table.Row row, AllocationColumn column) {
    return row.cells().get(positions.get(column));
  }

  /** The column's header as written in the file, for messages. */
  String name(AllocationColumn column) {
    return display(header.cells().get(positions.get(column)));
  }
}
