package cn.henan.skills.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Report and notice data as the processes will hand them over; shared by the tests and the benchmark. */
final class Samples {
  static final PdfFonts FONTS = new PdfFonts();
  static final ReportPdf REPORT_PDF = new ReportPdf(FONTS);
  static final NoticePdf NOTICE_PDF = new NoticePdf(FONTS);
  static final ScanVerifier VERIFIER = new ScanVerifier();

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

  static final String BODY = String.join("\n",
      "各省辖市、济源示范区、省直管县（市）教育局，各高等学校，省属中等职业学校：",
      "为贯彻《河南省教育系统落实“人人持证、技能河南”建设工作任务实施方案》的工作要求，全面完成 2022 年的建设目标任务，"
          + "现分解下达 2022 年各地、各校的培训和取证任务（见附件 1），并提出如下工作要求。",
      "一、高度重视，加强组织领导",
      "各地、各有关院校要提高政治站位，落实主体责任，成立本地、本校工作领导小组，明确专人专班负责。",
      "二、强化责任，加强管理考核",
      "自 2022 年 3 月起，每月 30 日之前，各地、各有关院校填写工作进度月报表（见附件 2），有关负责同志签字并加盖单位"
          + "公章后上传扫描件（PDF 格式）。联系邮箱：hnstjbgs@163.com。");

  /** 171 units as in Attachment 1: 28 bureaus without an advanced-worker task, then colleges and schools. */
  static NoticePdfData notice() {
    List<NoticePdfData.Row> rows = new ArrayList<>();
    IntStream.rangeClosed(1, 171).forEach(seq -> {
      boolean bureau = seq <= 28;
      int training = 1000 + seq * 37 % 900 * 10;
      int certification = training * 8 / 10;
      String name = bureau ? "第" + seq + "教育局" : seq % 10 == 0
          ? "河南示范职业学院" + seq + "（含河南省第" + seq + "工业学校、河南省第" + seq + "财经学校）"
          : "河南示范职业学院" + seq;
      rows.add(new NoticePdfData.Row(seq, name, training, certification,
          bureau || seq % 17 == 0 ? null : certification / 2, seq % 23 == 0 ? null : certification / 5));
    });
    return new NoticePdfData(2022, "河南省教育厅办公室关于下达 2022 年教育系统落实“人人持证、技能河南”建设工作任务的通知",
        "教办职成〔2022〕50号", BODY, LocalDate.of(2022, 3, 2), rows);
  }
}
