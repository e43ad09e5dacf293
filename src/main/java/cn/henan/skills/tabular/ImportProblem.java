package cn.henan.skills.tabular;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an uploaded table. {@code row} is the row number in the file (the header is row 1),
 * {@code column} the column's header as written in the file; either is null when the problem is not tied to it.
 */
public record ImportProblem(Integer row, String column, String message) {
  public static ImportProblem ofFile(String message) {
    return new ImportProblem(null, null, message);
  }

  /** One line for the uploader, e.g. {@code 第 5 行「取证人数」：不是整数（"12a"）}. */
  public String describe() {
    String where = (row == null ? "" : "第 " + row + " 行") + (column == null ? "" : "「" + column + "」");
    return where.isEmpty() ? message : where + "：" + message;
  }

  /** The problems for the uploader, one per line, in the order given (file order, as importers find them). */
  public static String report(List<ImportProblem> problems) {
    return problems.stream().map(ImportProblem::describe).collect(Collectors.joining("\n"));
  }
}
