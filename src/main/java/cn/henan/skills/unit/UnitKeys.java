package cn.henan.skills.unit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a process instance's business key says about its unit. The keys are written by the server when it starts an
 * instance and cannot be changed by a user, so routing and identity are read from them rather than from variables:
 * {@code unit-year} and {@code city-subdivision} {@code 2022/u001}, {@code monthly-report} {@code 2022-03/u001}
 * (a school {@code 2022-03/u001-s01}), {@code urge} {@code u001/20220301090000}, {@code late-reports}
 * {@code 2022-03/province-edu} or {@code 2022-03/u001-schools}, {@code institution-filing}
 * {@code institution-u029-3} (the unit's third application).
 */
public final class UnitKeys {
  /** The province's own late-reports list. */
  public static final String PROVINCE = "province-edu";
  private static final String SCHOOLS_SUFFIX = "-schools";
  private static final Pattern PERIOD_FIRST = Pattern.compile("(\\d{4})(?:-(\\d{2}))?/(.+)");
  private static final Pattern UNIT_FIRST = Pattern.compile("([^/]+)/(\\d{4})\\d{10}");
  private static final Pattern PERIOD_ONLY = Pattern.compile("(\\d{4})(?:-\\d{2})?");
  private static final Pattern INSTITUTION = Pattern.compile("institution-(.+)-(\\d+)");

  private UnitKeys() {
  }

  /**
   * The unit a per-unit key names: {@code 2022/u001}, {@code 2022-03/u001-s01} and {@code u001/20220301090000} name
   * the unit, and so does {@code institution-u029-3}; a late-reports key names no unit (see {@link #supervisorOf}).
   */
  public static Optional<String> unitCodeOf(String businessKey) {
    if (businessKey == null) {
      return Optional.empty();
    }
    Matcher periodFirst = PERIOD_FIRST.matcher(businessKey);
    if (periodFirst.matches()) {
      String unit = periodFirst.group(3);
      return unit.equals(PROVINCE) || unit.endsWith(SCHOOLS_SUFFIX) ? Optional.empty() : Optional.of(unit);
    }
    Matcher unitFirst = UNIT_FIRST.matcher(businessKey);
    if (unitFirst.matches()) {
      return Optional.of(unitFirst.group(1));
    }
    Matcher institution = INSTITUTION.matcher(businessKey);
    return institution.matches() ? Optional.of(institution.group(1)) : Optional.empty();
  }

  /** An evaluation institution's application key: the unit's {@code seq}-th application ({@code institution-u029-3}). */
  public static String institution(String unitCode, int seq) {
    return "institution-" + unitCode + "-" + seq;
  }

  /** The year of a key that starts with it ({@code 2022/u001}, {@code 2022-03/u001}, {@code 2022}). */
  public static int yearOf(String businessKey) {
    Matcher m = Pattern.compile("(\\d{4})(?:[-/].*)?").matcher(businessKey == null ? "" : businessKey);
    if (!m.matches()) {
      throw new IllegalArgumentException("业务键“" + businessKey + "”不含年度。");
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * The year a key is about, for naming its unit as it was called then: {@code 2022/u001}, {@code 2022-03/…},
   * {@code 2022-05}, {@code 2022}, and an urge's day {@code u001/20220301090000} → 2022.
   */
  public static Optional<Integer> yearIn(String businessKey) {
    String key = businessKey == null ? "" : businessKey;
    for (Pattern pattern : new Pattern[] {PERIOD_FIRST, PERIOD_ONLY}) {
      Matcher m = pattern.matcher(key);
      if (m.matches()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    Matcher urge = UNIT_FIRST.matcher(key);
    return urge.matches() ? Optional.of(Integer.parseInt(urge.group(2))) : Optional.empty();
  }

  /**
   * The supervising city bureau a late-reports key names ({@code 2022-03/u001-schools} → {@code u001}); empty for the
   * province's list ({@code 2022-03/province-edu}) and for any other key.
   */
  public static Optional<String> supervisorOf(String lateReportsKey) {
    Matcher m = PERIOD_FIRST.matcher(lateReportsKey == null ? "" : lateReportsKey);
    if (m.matches() && m.group(3).endsWith(SCHOOLS_SUFFIX)) {
      return Optional.of(m.group(3).substring(0, m.group(3).length() - SCHOOLS_SUFFIX.length()));
    }
    return Optional.empty();
  }
}
