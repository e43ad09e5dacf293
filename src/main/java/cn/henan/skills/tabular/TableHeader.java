package cn.henan.skills.tabular;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where each column of {@code C} is in the uploaded file, and what the file calls it. */
public final class TableHeader<C extends Enum<C> & TableColumn> {
  private final Table.Row header;
  private final Map<C, Integer> positions;

  private TableHeader(Table.Row header, Map<C, Integer> positions) {
    this.header = header;
    this.positions = positions;
  }

  /** @return the header, or empty after adding to {@code problems} why the file's header cannot be used */
  public static <C extends Enum<C> & TableColumn> Optional<TableHeader<C>> read(Table.Row header, Class<C> columns,
      List<ImportProblem> problems) {
    int problemsBefore = problems.size();
    Map<C, Integer> positions = new EnumMap<>(columns);
    for (int i = 0; i < header.cells().size(); i++) {
      String text = display(header.cells().get(i));
      if (text.isEmpty()) {
        problems.add(new ImportProblem(header.number(), null, "第 " + (i + 1) + " 列没有表头："
            + "表头须写在同一行，不要合并单元格或分成两行"));
        continue;
      }
      Optional<C> column = recognize(text, columns);
      if (column.isEmpty()) {
        problems.add(new ImportProblem(header.number(), text, "无法识别的列。本表的列为：" + expectedColumns(columns)));
        continue;
      }
      Integer earlier = positions.putIfAbsent(column.get(), i);
      if (earlier != null) {
        problems.add(new ImportProblem(header.number(), text, "与第 " + (earlier + 1) + " 列「"
            + display(header.cells().get(earlier)) + "」重复，都是「" + column.get().heading() + "」列"));
      }
    }
    for (C column : columns.getEnumConstants()) {
      if (column.required() && !positions.containsKey(column)) {
        problems.add(new ImportProblem(header.number(), null,
            "缺少「" + column.heading() + "」列（英文表头为 " + column.english() + "）"));
      }
    }
    return problems.size() == problemsBefore ? Optional.of(new TableHeader<>(header, positions)) : Optional.empty();
  }

  private static <C extends Enum<C> & TableColumn> Optional<C> recognize(String header, Class<C> columns) {
    String normalized = Names.normalize(header);
    return Arrays.stream(columns.getEnumConstants())
        .filter(column -> normalized.equals(column.english()) || column.matchesHeading(normalized))
        .findFirst();
  }

  private static <C extends Enum<C> & TableColumn> String expectedColumns(Class<C> columns) {
    C[] all = columns.getEnumConstants();
    return Arrays.stream(all)
        .map(column -> "「" + column.heading() + "」" + (column.required() ? "" : "（可选）"))
        .collect(Collectors.joining("、"))
        + "；或英文表头 " + Arrays.stream(all).map(TableColumn::english).collect(Collectors.joining(", "));
  }

  /** A header cell as the uploader wrote it, on one line. */
  private static String display(String cell) {
    return cell.strip().replaceAll("[\\s\\u3000]+", " ");
  }

  public int width() {
    return header.cells().size();
  }

  public boolean has(C column) {
    return positions.containsKey(column);
  }

  /** @throws NullPointerException when the file has no such column: check {@link #has} for optional columns */
  public String cell(Table.Row row, C column) {
    return row.cells().get(positions.get(column));
  }

  /** The column's header as written in the file, for messages. */
  public String name(C column) {
    return display(header.cells().get(positions.get(column)));
  }
}
