package cn.henan.skills.report;

import cn.henan.skills.platform.HeavyWork;

import cn.henan.skills.pdf.ReportIdentity;
import cn.henan.skills.pdf.ReportPdf;
import cn.henan.skills.pdf.ReportPdfData;
import cn.henan.skills.pdf.ScanCheck;
import cn.henan.skills.pdf.ScanVerifier;
import cn.henan.skills.platform.Digests;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.report.ReportDocument.Kind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper steps of a monthly report: the PDF of each signed version (Attachment 2 with a QR code naming unit,
 * month, version and a hash of the figures), and the stamped scan the unit uploads, checked against that QR code.
 */
@Service
@Transactional
public class ReportDocuments {
  private final MonthlyReportRepository reports;
  private final ReportDocumentRepository documents;
  private final MonthlyReportForms forms;
  private final ReportPdf reportPdf;
  private final ScanVerifier scanVerifier;
  private final HeavyWork heavyWork;
  private final Clock clock;

  ReportDocuments(MonthlyReportRepository reports, ReportDocumentRepository documents, MonthlyReportForms forms,
      ReportPdf reportPdf, ScanVerifier scanVerifier, HeavyWork heavyWork, Clock clock) {
    this.reports = reports;
    this.documents = documents;
    this.forms = forms;
    this.reportPdf = reportPdf;
    this.scanVerifier = scanVerifier;
    this.heavyWork = heavyWork;
    this.clock = clock;
  }

  /** A scan that is refused; nothing was stored. The message says why, in Chinese. */
  public static class ScanRefusedException extends RuntimeException {
    private final ScanCheck.Reason reason;

    ScanRefusedException(ScanCheck.Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public ScanCheck.Reason reason() {
      return reason;
    }
  }

  /** Renders and keeps the PDF of the report's current (signed) version. */
  public ReportDocument generate(String businessKey) {
    MonthlyReport report = get(businessKey);
    ReportPdfData data = pdfData(report);
    byte[] pdf = heavyWork.run(HeavyWork.Kind.PDF, () -> reportPdf.render(data));
    return documents.save(new ReportDocument(report, Kind.REPORT_PDF, pdf, Digests.sha256Hex(pdf),
        fileName(report, "月报"), clock.instant(), null, ReportIdentity.of(data).toQrPayload(), null, null));
  }

  /**
   * Checks an uploaded scan against the PDF of the report's current version and keeps it when it passes. A scan
   * whose QR code cannot be read, or on which no seal is recognised (a faint impression), may still be submitted
   * with a written explanation: it is kept flagged for the reviewers.
   *
   * @throws ScanRefusedException with the reason, storing nothing
   */
  public ReportDocument acceptScan(String businessKey, byte[] scan, FilerDeclaration declaration, String user) {
    MonthlyReport report = get(businessKey);
    Optional<ReportDocument> stored = documents.findByReportIdAndKindAndVersion(report.getId(), Kind.STAMPED_SCAN,
        report.getVersion());
    if (stored.isPresent()) {
      // the same scan sent twice (a double click, a second tab) is kept once; another one for the same version is not
      if (stored.get().getSha256().equals(Digests.sha256Hex(scan))) {
        return stored.get();
      }
      throw new ScanRefusedException(ScanCheck.Reason.OLDER_VERSION,
          "这一版月报的盖章扫描件已经上传过了；如需更换，请让审核人退回后重新提交。");
    }
    ScanCheck check = check(report, scan);
    String explanation = declaration.explained() ? declaration.explanation().trim() : null;
    if (check.reason() == ScanCheck.Reason.NO_QR && declaration.qrUnreadable() && explanation != null) {
      return documents.save(scan(report, scan, user, null, false, explanation));
    }
    if (check.reason() == ScanCheck.Reason.NO_SEAL) {
      // a warning, not a refusal: a faint stamp is real too, so the filer may confirm it with an explanation
      if (declaration.sealFaint() && explanation != null) {
        return documents.save(scan(report, scan, user, check.payload(), true, explanation).withSeal(false, null));
      }
      throw new ScanRefusedException(check.reason(), check.message());
    }
    if (!check.passed()) {
      String hint = check.reason() == ScanCheck.Reason.NO_QR
          ? "如确因盖章、扫描等原因无法识别，请勾选“二维码无法识别”并填写书面说明后提交。" : "";
      throw new ScanRefusedException(check.reason(), "扫描件未通过核验：" + check.message() + hint);
    }
    return documents.save(scan(report, scan, user, check.payload(), true, null)
        .withSeal(true, (int) Math.round(check.seal().diameterMm())));
  }

  /**
   * What the filer states with the upload: the QR code cannot be read, or the seal's impression is too faint to be
   * recognised, and the written explanation of either.
   */
  public record FilerDeclaration(boolean qrUnreadable, boolean sealFaint, String explanation) {
    public static final FilerDeclaration NONE = new FilerDeclaration(false, false, null);

    boolean explained() {
      return explanation != null && !explanation.isBlank();
    }
  }

  private ReportDocument scan(MonthlyReport report, byte[] scan, String user, String qrPayload, boolean qrVerified,
      String explanation) {
    return new ReportDocument(report, Kind.STAMPED_SCAN, scan, Digests.sha256Hex(scan), fileName(report, "盖章扫描件"),
        clock.instant(), user, qrPayload, qrVerified, explanation);
  }

  /** Checks a scan against the PDF of the report's current version, storing nothing (the upload form's pre-check). */
  @Transactional(readOnly = true)
  public ScanCheck checkScan(String businessKey, byte[] scan) {
    return check(get(businessKey), scan);
  }

  private ScanCheck check(MonthlyReport report, byte[] scan) {
    ReportDocument printed = documents.findByReportIdAndKindAndVersion(report.getId(), Kind.REPORT_PDF,
        report.getVersion()).orElseThrow(() -> new IllegalStateException("月报 " + report.getBusinessKey() + " 第 "
            + report.getVersion() + " 版还没有生成 PDF。"));
    ReportIdentity expected = ReportIdentity.parse(printed.getQrPayload());
    return heavyWork.run(HeavyWork.Kind.SCAN_CHECK, () -> scanVerifier.verify(scan, expected));
  }

  /**
   * The links and scan notice the reviewers' forms show for the report's current version, read from the database;
   * {@code qrVerified} and {@code sealFound} are the scan check's results behind the notice (null without a scan, or
   * for the seal when it was not looked for).
   */
  public record Links(String reportPdfUrl, String scanUrl, String scanNotice, Boolean qrVerified, Boolean sealFound) {
  }

  @Transactional(readOnly = true)
  public Links linksOfCurrentVersion(String businessKey) {
    MonthlyReport report = get(businessKey);
    boolean pdf = documents.qrPayload(report.getId(), Kind.REPORT_PDF, report.getVersion()).isPresent();
    List<Object[]> scan = documents.verification(report.getId(), Kind.STAMPED_SCAN, report.getVersion());
    String scanUrl = null;
    String scanNotice = null;
    Boolean qrVerified = null;
    Boolean sealFound = null;
    if (!scan.isEmpty()) {
      scanUrl = ReportDocumentController.url(businessKey, "scan.pdf");
      Object[] verified = scan.get(0);
      qrVerified = Boolean.TRUE.equals(verified[0]);
      sealFound = (Boolean) verified[2];
      if (!Boolean.TRUE.equals(verified[0])) {
        scanNotice = "二维码未能核验，单位的书面说明：" + clause(verified[1]) + "。请对照月报 PDF 人工核对扫描件。";
      } else if (Boolean.FALSE.equals(verified[2])) {
        scanNotice = "未检测到公章：扫描件“填报单位（公章）”处没有识别到公章印迹。单位的书面说明："
            + clause(verified[1]) + "。请人工核对扫描件上的公章。";
      } else if (Boolean.TRUE.equals(verified[2])) {
        scanNotice = "已识别到公章印迹（“填报单位（公章）”处，直径约 " + verified[3] + " 毫米）。";
      }
    }
    return new Links(pdf ? ReportDocumentController.url(businessKey, "report.pdf") : null, scanUrl, scanNotice,
        qrVerified, sealFound);
  }

  /** The unit's explanation as a clause of a notice: its own full stop would double the notice's. */
  private static String clause(Object explanation) {
    String text = String.valueOf(explanation).strip();
    return text.endsWith("。") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Refuses to accept a report unless the version under review is the version its leader signed: it is signed, the
   * PDF of this version was generated, and the figures hash that PDF's QR code carries equals the hash of the
   * figures stored now (with the cumulative as it stood when it was signed). A figure changed after signing, by
   * whatever path, fails this.
   */
  @Transactional(readOnly = true)
  public void requireSignedVersion(String businessKey) {
    MonthlyReport report = get(businessKey);
    String refusal = "月报第 " + report.getVersion() + " 版的数据与领导小组组长签字的版本不一致，不能通过审核。"
        + "请选择“退回”，由单位重新填报、签字后再审核。";
    if (report.getStatus() != MonthlyReport.Status.SIGNED || report.getSignedAt() == null) {
      throw new Refusal(refusal);
    }
    String printed = documents.qrPayload(report.getId(), Kind.REPORT_PDF, report.getVersion())
        .orElseThrow(() -> new Refusal(refusal));
    ReportIdentity signed = ReportIdentity.parse(printed);
    ReportIdentity now = ReportIdentity.of(pdfData(report, report.getSignedAt()));
    if (!signed.equals(now)) {
      throw new Refusal(refusal);
    }
  }

  @Transactional(readOnly = true)
  public Optional<ReportDocument> latest(String businessKey, Kind kind) {
    return reports.findByBusinessKey(businessKey)
        .flatMap(report -> documents.findFirstByReportIdAndKindOrderByVersionDesc(report.getId(), kind));
  }

  /** The newest version of a kind of document of the report, if any (reads no bytes). */
  @Transactional(readOnly = true)
  Optional<Integer> latestVersion(MonthlyReport report, Kind kind) {
    return documents.latestVersion(report.getId(), kind);
  }

  /** The newest version of a kind of document of each report of the month, by report id, in one query. */
  @Transactional(readOnly = true)
  Map<Long, Integer> latestVersions(ReportPeriod period, Kind kind) {
    Map<Long, Integer> versions = new HashMap<>();
    for (Object[] row : documents.latestVersionsOfMonth(period.year(), period.month(), kind)) {
      versions.put((Long) row[0], (Integer) row[1]);
    }
    return versions;
  }

  ReportPdfData pdfData(MonthlyReport report) {
    return pdfData(report, null);
  }

  /**
   * The report as Attachment 2, from the database: unit name from the registry, quota, figures and signer as stored.
   * With {@code asOf}, the cumulative counts only the earlier months accepted by then (as when the PDF was printed).
   */
  private ReportPdfData pdfData(MonthlyReport report, java.time.Instant asOf) {
    ReportPeriod period = ReportPeriod.of(report.getYear(), report.getMonth());
    MonthlyReportForms.Context context = forms.context(period, report.getUnitCode());
    Figures before = asOf == null ? context.acceptedBefore()
        : MonthlyReports.sum(reports.acceptedThrough(period.year(), period.month() - 1, List.of(report.getUnitCode()))
            .stream().filter(r -> r.getAcceptedAt() != null && !r.getAcceptedAt().isAfter(asOf)).toList());
    ReportSheet sheet = ReportSheet.of(context.unit().getName(), period, context.quota(), before,
        report.figures());
    List<ReportPdfData.Row> rows = sheet.rows().stream()
        .map(row -> new ReportPdfData.Row(row.annualTask(), row.month(), row.cumulative(), row.rate())).toList();
    return new ReportPdfData(report.getUnitCode(), context.unit().getName(), report.getYear(), report.getMonth(),
        report.getVersion(), report.institutions().forPdf(),
        rows, report.getSignedByName() == null ? "" : report.getSignedByName(), report.getSignedAt(),
        report.getFilerName(), report.getFilerPhone(),
        LocalDate.ofInstant(report.getSubmittedAt(), EngineClock.BEIJING));
  }

  private static String fileName(MonthlyReport report, String what) {
    return report.getBusinessKey().replace('/', '-') + "-v" + report.getVersion() + "-" + what + ".pdf";
  }

  private MonthlyReport get(String businessKey) {
    return reports.findByBusinessKey(businessKey)
        .orElseThrow(() -> new IllegalStateException("月报 " + businessKey + " 不存在。"));
  }

}
