package cn.henan.skills.tabular;

import java.util.List;
import java.util.Optional;

/** An uploaded file read as a table whose header names the columns {@code C}: the steps every importer starts with. */
public record ColumnTable<C extends Enum<C> & TableColumn>(TableHeader<C> header, List<Table.Row> rows) {
  public ColumnTable {
    rows = List.copyOf(rows);
  }

  /**
   * @param rowsAbout what a data row stands for, e.g. 单位, for the message when there is none
   * @return the table, or empty after adding to {@code problems} why the file, its header or the lack of data rows
   *     stop the import (without knowing the columns the rows cannot be read, so their problems wait)
   */
  public static <C extends Enum<C> & TableColumn> Optional<ColumnTable<C>> read(String fileName, byte[] content,
      Class<C> columns, String rowsAbout, List<ImportProblem> problems) {
    Table table;
    try {
      table = TabularFile.read(fileName, content);
    } catch (TabularFileException e) {
      problems.add(ImportProblem.ofFile(e.getMessage()));
      return Optional.empty();
    }
    Optional<TableHeader<C>> header = TableHeader.read(table.header(), columns, problems);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    if (table.rows().isEmpty()) {
      problems.add(ImportProblem.ofFile("文件只有表头，没有任何" + rowsAbout + "的数据"));
      return Optional.empty();
    }
    return Optional.of(new ColumnTable<>(header.get(), table.rows()));
  }

  /** @return the row to read, or empty after reporting that it has more or fewer cells than the header has columns */
  public Optional<TableRow<C>> row(Table.Row row, List<ImportProblem> problems) {
    if (row.cells().size() != header.width()) {
      problems.add(new ImportProblem(row.number(), null, "有 " + row.cells().size() + " 个单元格，而表头有 "
          + header.width() + " 列：请检查这一行是否多了或少了单元格（逗号）"));
      return Optional.empty();
    }
    return Optional.of(new TableRow<>(header, row, problems));
  }
}
