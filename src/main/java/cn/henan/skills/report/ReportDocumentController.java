package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.pdf.ScanCheck;
import cn.henan.skills.platform.RateLimit;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/2022-03/u001/report.pdf} and {@code …/scan.pdf}: a report's generated PDF and its stamped
 * scan, for the unit's people, its supervising city and the province — the same people who see its tasks.
 */
@RestController
@RequestMapping("/api/reports")
class ReportDocumentController {
  private final ReportDocuments documents;
  private final UnitRegistry units;
  private final People people;
  private final Attachment2Workbook workbook;
  /** The pre-check stores nothing, so nothing else limits how often one person can make the server render a scan. */
  private final RateLimit scanChecks;

  ReportDocumentController(ReportDocuments documents, UnitRegistry units, People people, Attachment2Workbook workbook,
      @Value("${skills-henan.scan-check.per-user-per-minute:10}") int scanChecksPerMinute) {
    this.scanChecks = new RateLimit("扫描件预检", scanChecksPerMinute, Duration.ofMinutes(1), 20_000,
        Clock.systemUTC());
    this.workbook = workbook;
    this.documents = documents;
    this.units = units;
    this.people = people;
  }

  static String url(String businessKey, String file) {
    return "/api/reports/" + businessKey + "/" + file;
  }

  @GetMapping("/{period}/{unitCode}/report.pdf")
  ResponseEntity<byte[]> reportPdf(@PathVariable String period, @PathVariable String unitCode) {
    return download(period, unitCode, ReportDocument.Kind.REPORT_PDF);
  }

  @GetMapping("/{period}/{unitCode}/scan.pdf")
  ResponseEntity<byte[]> scan(@PathVariable String period, @PathVariable String unitCode) {
    return download(period, unitCode, ReportDocument.Kind.STAMPED_SCAN);
  }

  /** A month's Attachment 2 figures of every unit as an Excel workbook, for the province. */
  @GetMapping("/{period}/attachment2.xlsx")
  ResponseEntity<byte[]> attachment2(@PathVariable String period) {
    ReportPeriod reportPeriod = period(period);
    Viewer viewer = people.signedIn();
    if (!viewer.seesAllUnits()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "全省月报汇总表只供省级用户导出。");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(reportPeriod.key() + "-附件2-进度月报汇总.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(workbook.export(reportPeriod));
  }

  record ScanCheckView(boolean passed, String reason, String message) {
  }

  /** The upload form's pre-check of a scan (the PDF as the request body): the verdict, nothing stored. */
  @PostMapping(value = "/{period}/{unitCode}/scan-check", consumes = MediaType.ALL_VALUE)
  ScanCheckView checkScan(@PathVariable String period, @PathVariable String unitCode, @RequestBody byte[] scan) {
    ReportPeriod reportPeriod = period(period);
    Unit unit = visibleUnit(unitCode, reportPeriod.year());
    if (!people.currentViewer().orElseThrow().ownUnits().contains(unit.getCode())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本单位的人员可以核验本单位的扫描件。");
    }
    String key = reportPeriod.key() + "/" + unitCode;
    if (documents.latest(key, ReportDocument.Kind.REPORT_PDF).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, unit.getName() + " " + reportPeriod.chinese()
          + " 的月报尚未签字生成 PDF。");
    }
    scanChecks.use(people.currentViewer().orElseThrow().userId());
    ScanCheck check = documents.checkScan(key, scan);
    return new ScanCheckView(check.passed(), check.reason().name(), check.message());
  }

  private static ReportPeriod period(String text) {
    try {
      return ReportPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * The unit under its name of the report's year, if the signed-in user may see its reports: its own people, its
   * city, the province.
   */
  private Unit visibleUnit(String unitCode, int year) {
    Unit unit = units.find(unitCode, year)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, year + " 年没有单位 " + unitCode + "。"));
    Viewer viewer = people.signedIn();
    if (!viewer.maySee(unit.getCode(), unit.getParentCode())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看 " + unit.getName() + " 的月报文件。");
    }
    return unit;
  }

  private ResponseEntity<byte[]> download(String periodText, String unitCode, ReportDocument.Kind kind) {
    ReportPeriod period = period(periodText);
    Unit unit = visibleUnit(unitCode, period.year());
    ReportDocument document = documents.latest(period.key() + "/" + unitCode, kind)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, unit.getName() + " "
            + period.chinese() + (kind == ReportDocument.Kind.REPORT_PDF ? " 的月报尚未签字生成 PDF。" : " 的盖章扫描件尚未上传。")));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(document.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.ETAG, "\"" + document.getSha256() + "\"")
        .body(document.getContent());
  }
}
