package cn.henan.skills.tabular;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Sums over a quota table; rows without an advanced or 1+X requirement add nothing to those. */
public record QuotaTotals(long training, long certification, long advanced, long onePlusX) {

  public static QuotaTotals of(List<? extends QuotaLine> lines) {
    return new QuotaTotals(sum(lines, QuotaLine::training), sum(lines, QuotaLine::certification),
        sum(lines, QuotaLine::advanced), sum(lines, QuotaLine::onePlusX));
  }

  private static long sum(List<? extends QuotaLine> lines, Function<QuotaLine, Integer> quota) {
    return lines.stream().map(quota).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
  }
}
