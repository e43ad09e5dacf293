package cn.henan.skills.pdf;

import java.util.Optional;

/**
 * The verdict on an uploaded scan of the stamped report.
 *
 * @param message in Chinese, for the unit's filer: what is wrong and what to do
 * @param payload the text of the report QR code that was decided on, or null where none was read
 * @param seal the official seal's impression near the 填报单位（公章） line, or null where none was found (or looked for)
 */
public record ScanCheck(Reason reason, String message, String payload, SealImpression seal) {

  /** Why a scan is refused, in the order the checks run; {@link #PASSED} when it is accepted. */
  public enum Reason {
    EMPTY, TOO_LARGE, NOT_PDF, ENCRYPTED, TOO_MANY_PAGES,
    /** A page larger than A3: rendering it would cost more memory and time than any scanned form needs. */
    PAGE_TOO_LARGE,
    UNRENDERABLE,
    /** The generated report itself (its pages drawn as text and lines, no scanned image), not a scan of it. */
    NOT_SCANNED,
    NO_QR, OTHER_UNIT, OTHER_MONTH,
    /** An older version of this report, or its figures changed after signing. */
    OLDER_VERSION,
    /**
     * The right report, scanned, but no seal was recognised near the 填报单位（公章） line: a warning, as a faint stamp
     * is real too; the filer may confirm it with an explanation.
     */
    NO_SEAL,
    PASSED
  }

  public boolean passed() {
    return reason == Reason.PASSED;
  }

  /** The identity read from the QR code, if one of this system's codes was found. */
  public Optional<ReportIdentity> identity() {
    return Optional.ofNullable(payload).map(ReportIdentity::parse);
  }

  ScanCheck(Reason reason, String message, String payload) {
    this(reason, message, payload, null);
  }

  static ScanCheck refused(Reason reason, String message) {
    return new ScanCheck(reason, message, null);
  }
}
