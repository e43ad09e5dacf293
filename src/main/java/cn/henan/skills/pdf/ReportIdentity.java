package cn.henan.skills.pdf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which report a printed form is: unit, month, version and a hash of its figures. The QR code on the form holds
 * it as {@code SKHN1|u001|2022-03|v3|9f2c4e01a7b3d5e8}; the leading {@code SKHN1} names this system and the
 * format's version, so that a later format can still read old scans.
 */
public record ReportIdentity(String unitCode, int year, int month, int version, String figuresHash) {
  static final String FORMAT = "SKHN1";
  /** 64 bits: a scan is checked against one known report, so this detects changes, it does not sign them. */
  static final int HASH_HEX_DIGITS = 16;
  private static final Pattern PAYLOAD =
      Pattern.compile("SKHN1\\|([A-Za-z0-9_.-]{1,32})\\|(\\d{4})-(\\d{2})\\|v(\\d{1,6})\\|([0-9a-f]{16})");

  public ReportIdentity {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(figuresHash, "figuresHash");
    if (!PAYLOAD.matcher(payload(unitCode, year, month, version, figuresHash)).matches()
        || month < 1 || month > 12 || version < 1) {
      throw new IllegalArgumentException("not a report identity: " + unitCode + " " + year + "-" + month + " v"
          + version + " " + figuresHash);
    }
  }

  public static ReportIdentity of(ReportPdfData data) {
    return new ReportIdentity(data.unitCode(), data.year(), data.month(), data.version(), figuresHash(data));
  }

  public YearMonth period() {
    return YearMonth.of(year, month);
  }

  public String toQrPayload() {
    return payload(unitCode, year, month, version, figuresHash);
  }

  /** Reads a QR payload; throws {@link IllegalArgumentException} for anything this system did not print. */
  public static ReportIdentity parse(String payload) {
    Matcher m = PAYLOAD.matcher(payload == null ? "" : payload.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a monthly report QR code: " + payload);
    }
    return new ReportIdentity(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)), m.group(5));
  }

  /**
   * SHA-256 (first 16 hex digits) over everything the form states as a figure: unit, month, version, the
   * institution counts and the progress table. Names, phone and dates are not figures and are left out.
   */
  public static String figuresHash(ReportPdfData data) {
    StringBuilder canonical = new StringBuilder(FORMAT).append('\n')
        .append("unit=").append(data.unitCode()).append('\n')
        .append("period=").append(YearMonth.of(data.year(), data.month())).append('\n')
        .append("version=").append(data.version()).append('\n');
    ReportPdfData.Institutions i = data.institutions();
    canonical.append("institutions=").append(i.collegeSkillLevel()).append(',').append(i.skillAppraisal())
        .append(',').append(i.publicSkillLevel()).append(',').append(i.specialAbility()).append('\n');
    if (i.anyNotFiled()) {
      // only then: a report with every institution filed keeps the hash it had before the not-filed counts existed
      canonical.append("notFiled=").append(i.notFiled().stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(","))).append('\n');
    }
    for (ReportPdfData.Row row : data.rows()) {
      canonical.append("row=").append(row.annualTask() == null ? "-" : row.annualTask()).append(',')
          .append(row.month()).append(',').append(row.cumulative()).append(',').append(rate(row.rate()))
          .append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** 60.7 and 60.70 are the same rate. */
  private static String rate(BigDecimal rate) {
    return rate == null ? "-" : rate.stripTrailingZeros().toPlainString();
  }

  private static String payload(String unitCode, int year, int month, int version, String hash) {
    return String.format(Locale.ROOT, "%s|%s|%04d-%02d|v%d|%s", FORMAT, unitCode, year, month, version, hash);
  }
}
