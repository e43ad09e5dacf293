package cn.henan.skills.subdivision;

import cn.henan.skills.tabular.ImportProblem;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The outcome of reading a city's school quota table: its lines, or the problems that stop it from being imported. */
public final class SchoolQuotaImport {
  private final List<SchoolQuotaLine> lines;
  private final List<ImportProblem> problems;

  private SchoolQuotaImport(List<SchoolQuotaLine> lines, List<ImportProblem> problems) {
    this.lines = List.copyOf(lines);
    this.problems = List.copyOf(problems);
  }

  /** A file with any problem imports nothing, so that a half-right split never becomes school quotas. */
  static SchoolQuotaImport of(List<SchoolQuotaLine> lines, List<ImportProblem> problems) {
    return new SchoolQuotaImport(problems.isEmpty() ? lines : List.of(), problems);
  }

  /** Empty whenever there is a problem. */
  public List<SchoolQuotaLine> lines() {
    return lines;
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problems for the uploader, one per line, in file order (shortfalls against the city's quota last). */
  public String problemReport() {
    return ImportProblem.report(problems);
  }

  public Totals totals() {
    return Totals.of(lines);
  }

  /** Sums over the schools; schools without an advanced-level task add nothing to it. */
  public record Totals(long training, long certification, long advanced, long onePlusX) {
    static Totals of(List<SchoolQuotaLine> lines) {
      return new Totals(sum(lines, SchoolQuotaLine::training), sum(lines, SchoolQuotaLine::certification),
          sum(lines, SchoolQuotaLine::advanced), sum(lines, SchoolQuotaLine::onePlusX));
    }

    private static long sum(List<SchoolQuotaLine> lines, Function<SchoolQuotaLine, Integer> quota) {
      return lines.stream().map(quota).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
    }
  }
}
