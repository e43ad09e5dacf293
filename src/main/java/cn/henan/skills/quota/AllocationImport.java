package cn.henan.skills.quota;

import cn.henan.skills.tabular.ImportProblem;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The outcome of reading an allocation table: its lines, or the problems that stop it from being imported. */
public final class AllocationImport {
  private final List<AllocationLine> lines;
  private final List<ImportProblem> problems;

  private AllocationImport(List<AllocationLine> lines, List<ImportProblem> problems) {
    this.lines = List.copyOf(lines);
    this.problems = List.copyOf(problems);
  }

  /** A file with any problem imports nothing, so that a half-right table never becomes quotas. */
  static AllocationImport of(List<AllocationLine> lines, List<ImportProblem> problems) {
    return new AllocationImport(problems.isEmpty() ? lines : List.of(), problems);
  }

  /** Empty whenever there is a problem. */
  public List<AllocationLine> lines() {
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

  public Totals totals() {
    return new Totals(
        sum(AllocationLine::training),
        sum(AllocationLine::certification),
        sum(AllocationLine::advanced),
        sum(AllocationLine::onePlusX));
  }

  private long sum(Function<AllocationLine, Integer> quota) {
    return lines.stream().map(quota).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
  }

  /** Province-wide sums; units without an advanced or 1+X requirement add nothing to those. */
  public record Totals(long training, long certification, long advanced, long onePlusX) {
  }
}
