package cn.henan.skills.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Completion rates in percent to one decimal; no rate where the quota is —— (or zero). */
public final class Rates {
  private Rates() {
  }

  public static BigDecimal percent(long done, Integer quota) {
    if (quota == null || quota == 0) {
      return null;
    }
    return BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(quota), 1, RoundingMode.HALF_UP);
  }

  /** "12.3%", or "—" where there is no rate. */
  public static String format(BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }
}
