package cn.henan.skills.tabular;

import java.util.List;

/**
 * The outcome of reading a quota table (the province's allocation, a city's schools): its lines, or the problems
 * that stop it from being imported.
 */
public final class QuotaImport<L extends QuotaLine> {
  private final List<L> lines;
  private final List<ImportProblem> problems;

  private QuotaImport(List<L> lines, List<ImportProblem> problems) {
    this.lines = List.copyOf(lines);
    this.problems = List.copyOf(problems);
  }

  /** A file with any problem imports nothing, so that a half-right table never becomes quotas. */
  public static <L extends QuotaLine> QuotaImport<L> of(List<L> lines, List<ImportProblem> problems) {
    return new QuotaImport<>(problems.isEmpty() ? lines : List.of(), problems);
  }

  /** Empty whenever there is a problem. */
  public List<L> lines() {
    return lines;
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problems for the uploader, one per line, in file order. */
  public String problemReport() {
    return ImportProblem.report(problems);
  }

  public QuotaTotals totals() {
    return QuotaTotals.of(lines);
  }
}
