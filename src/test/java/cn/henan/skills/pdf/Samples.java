package cn.henan.skills.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Report and notice data as the processes will hand them over; shared by the tests and the benchmark. */
final class Samples {
  static final PdfFonts FONTS = new PdfFonts();
  static final ReportPdf REPORT_PDF = new ReportPdf(FONTS);

  private Samples() {
  }

  /** 河南工业大学, March 2022, third version; signed 28 March 14:05 Beijing time. */
  static ReportPdfData report() {
    return new ReportPdfData("u030", "河南工业大学", 2022, 3, 3,
        new ReportPdfData.Institutions(2, 1, 3, 4),
        List.of(new ReportPdfData.Row(1500, 320, 910, new BigDecimal("60.7")),
            new ReportPdfData.Row(1370, 152, 421, new BigDecimal("30.7")),
            new ReportPdfData.Row(1000, 96, 263, new BigDecimal("26.3")),
            new ReportPdfData.Row(280, 21, 75, new BigDecimal("26.8"))),
        "张建国", Instant.parse("2022-03-28T06:05:00Z"), "李晓梅", "0371-67756123", LocalDate.of(2022, 3, 27));
  }

  /** A city with no advanced-worker requirement: —— for the task and — for the rate. */
  static ReportPdfData cityReport() {
    return new ReportPdfData("u001", "郑州市", 2022, 4, 1,
        new ReportPdfData.Institutions(0, 0, 0, 0),
        List.of(new ReportPdfData.Row(80000, 9000, 21000, new BigDecimal("26.3")),
            new ReportPdfData.Row(70000, 8000, 17500, new BigDecimal("25.0")),
            new ReportPdfData.Row(null, 1200, 2300, null),
            new ReportPdfData.Row(14000, 1500, 4000, new BigDecimal("28.6"))),
        "王振华", Instant.parse("2022-04-27T01:30:00Z"), "赵静", "13837112345", LocalDate.of(2022, 4, 26));
  }

  static ReportPdfData withVersion(ReportPdfData d, int version) {
    return new ReportPdfData(d.unitCode(), d.unitName(), d.year(), d.month(), version, d.institutions(), d.rows(),
        d.leaderName(), d.signedAt(), d.filerName(), d.filerPhone(), d.filedAt());
  }
}
