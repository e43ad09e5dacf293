package cn.henan.skills.pdf;

import cn.henan.skills.pdf.PdfCanvas.Align;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

/**
 * Attachment 2 of the notice, the monthly progress form, filled in for one unit and month and ready to print,
 * sign, stamp and scan. The QR code in the lower right corner carries the {@link ReportIdentity}; the stamp goes
 * over the unit's name at the top, away from it.
 */
@Component
public class ReportPdf {
  static final String TITLE = "河南省教育系统“人人持证、技能河南”\n建设工作任务进度月报表";
  /** At least 30 mm, so that the code survives printing, stamping and a 150 dpi scan. */
  static final float QR_SIDE = 32 * PdfCanvas.MM;
  /** Baseline of the 填报单位（公章） line, from the top of the page: a scan's seal is looked for around it. */
  static final float UNIT_LINE_BASELINE = 152;

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日 HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日");

  private static final List<String> INSTITUTIONS = List.of("院校类职业技能等级认定机构数", "职业技能考核鉴定机构数",
      "面向社会人员的职业技能等级评价机构数", "专项职业技能考核机构数");
  /** Row labels in the order of {@link ReportPdfData#rows()}, with the unit each figure is counted in. */
  private static final List<String> INDICATORS = List.of("培训任务", "取证人数", "其中高级工\n及以上", "1+X 证书\n取证人数");
  private static final List<String> MEASURES = List.of("人次", "人", "人", "人");

  // the table's columns: group label, row label, four figures
  private static final float LEFT = PdfCanvas.MARGIN;
  private static final float GROUP_W = 52;
  private static final float LABEL_W = 99;
  private static final float VALUE_W = (PdfCanvas.CONTENT_WIDTH - GROUP_W - LABEL_W) / 4;
  private static final float INSTITUTION_H = 26;
  private static final float HEADER_H = 30;
  private static final float VALUE_H = 24;
  private static final float THIN = 0.6f;

  private final PdfFonts fonts;

  public ReportPdf(PdfFonts fonts) {
    this.fonts = fonts;
  }

  public byte[] render(ReportPdfData data) {
    ReportIdentity identity = ReportIdentity.of(data);
    try (PdfFonts.Lease lease = fonts.lease(); PDDocument document = new PDDocument();
        PdfCanvas canvas = new PdfCanvas(document, lease.embedIn(document))) {
      describe(document, data);
      canvas.newPage();
      float tableTop = heading(canvas, data);
      float tableBottom = progress(canvas, data.rows(), institutions(canvas, data.institutions(), tableTop));
      canvas.rect(LEFT, tableTop, PdfCanvas.CONTENT_WIDTH, tableBottom - tableTop, 1.2f);
      float signed = signatures(canvas, data, tableBottom + 34);
      qrCode(canvas, identity, signed + 20);
      return canvas.save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void describe(PDDocument document, ReportPdfData data) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("进度月报表 " + data.unitName() + " " + data.year() + " 年 " + data.month() + " 月 第 "
        + data.version() + " 版");
    info.setCreator("skills-henan");
  }

  /** Title, month, the unit that fills (and stamps) the form; returns where the table starts. */
  private static float heading(PdfCanvas canvas, ReportPdfData data) {
    float center = LEFT + PdfCanvas.CONTENT_WIDTH / 2;
    String[] title = TITLE.split("\n");
    float baseline = UNIT_LINE_BASELINE - 34 - title.length * 26;
    for (String line : title) {
      float b = baseline;
      canvas.bold(() -> canvas.text(line, center, b, 18, Align.CENTER), 18);
      baseline += 26;
    }
    canvas.text("（" + data.year() + " 年 " + data.month() + " 月）", center, baseline + 2, 12, Align.CENTER);
    baseline = UNIT_LINE_BASELINE;
    String unit = "填报单位（公章）：" + data.unitName();
    float room = PdfCanvas.CONTENT_WIDTH - 48; // the version sits at the right
    canvas.text(unit, LEFT, baseline, Math.min(12, 12 * room / canvas.width(unit, 12)));
    canvas.text("第 " + data.version() + " 版", LEFT + PdfCanvas.CONTENT_WIDTH, baseline, 9, Align.RIGHT);
    return baseline + 12;
  }

  private static float institutions(PdfCanvas canvas, ReportPdfData.Institutions counts, float top) {
    int[] values = {counts.collegeSkillLevel(), counts.skillAppraisal(), counts.publicSkillLevel(),
        counts.specialAbility()};
    float height = INSTITUTIONS.size() * INSTITUTION_H;
    cell(canvas, "已备案\n职业技能\n评价机构\n数量", LEFT, top, GROUP_W, height, 10);
    float labelW = LABEL_W + 2 * VALUE_W;
    for (int i = 0; i < values.length; i++) {
      float rowTop = top + i * INSTITUTION_H;
      canvas.rect(LEFT + GROUP_W, rowTop, labelW, INSTITUTION_H, THIN);
      canvas.boxText(INSTITUTIONS.get(i), LEFT + GROUP_W, rowTop, labelW, INSTITUTION_H, 10.5f, Align.LEFT);
      int notFiled = counts.notFiled().get(i);
      cell(canvas, "（ " + values[i] + " ）个" + (notFiled > 0 ? "（其中未备案 " + notFiled + "）" : ""),
          LEFT + GROUP_W + labelW, rowTop, 2 * VALUE_W, INSTITUTION_H, notFiled > 0 ? 9 : 11);
    }
    return top + height;
  }

  /** Per indicator a label spanning two rows, the four column headings, and the figures under them. */
  private static float progress(PdfCanvas canvas, List<ReportPdfData.Row> rows, float top) {
    float blockH = HEADER_H + VALUE_H;
    cell(canvas, "工\n作\n进\n度", LEFT, top, GROUP_W, rows.size() * blockH, 11);
    for (int i = 0; i < rows.size(); i++) {
      float blockTop = top + i * blockH;
      ReportPdfData.Row row = rows.get(i);
      String measure = "（" + MEASURES.get(i) + "）";
      List<String> headings = List.of("年度任务\n" + measure, "当月完成\n" + measure, "累计已完成\n" + measure,
          "累计完成率\n（%）");
      List<String> figures = List.of(row.annualTask() == null ? "——" : row.annualTask().toString(),
          Long.toString(row.month()), Long.toString(row.cumulative()), rate(row.rate()));
      cell(canvas, INDICATORS.get(i), LEFT + GROUP_W, blockTop, LABEL_W, blockH, 10.5f);
      for (int c = 0; c < 4; c++) {
        float x = LEFT + GROUP_W + LABEL_W + c * VALUE_W;
        cell(canvas, headings.get(c), x, blockTop, VALUE_W, HEADER_H, 9);
        cell(canvas, figures.get(c), x, blockTop + HEADER_H, VALUE_W, VALUE_H, 11.5f);
      }
    }
    return top + rows.size() * blockH;
  }

  /** The form's percentages have one decimal; "—" where the unit has no task to measure against. */
  static String rate(BigDecimal rate) {
    return rate == null ? "—" : rate.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static float signatures(PdfCanvas canvas, ReportPdfData data, float baseline) {
    float leading = 28;
    filledIn(canvas, "填报单位领导小组组长（签字）：", data.leaderName(), LEFT, baseline, 130);
    canvas.text("签字时间：" + SIGNED.format(data.signedAt().atZone(BEIJING)) + "（北京时间）", LEFT,
        baseline + leading, 11);
    float phoneX = LEFT + 250;
    filledIn(canvas, "填报人（签字）：", data.filerName(), LEFT, baseline + 2 * leading, 110);
    filledIn(canvas, "联系电话：", data.filerPhone(), phoneX, baseline + 2 * leading, 130);
    canvas.text("填报时间：" + DAY.format(data.filedAt()), LEFT, baseline + 3 * leading, 11);
    return baseline + 3 * leading;
  }

  /** A label followed by a value written on a line, as on the paper form, with room to sign beside it. */
  private static void filledIn(PdfCanvas canvas, String label, String value, float x, float baseline,
      float lineW) {
    float size = 11;
    canvas.text(label, x, baseline, size);
    float valueX = x + canvas.width(label, size);
    canvas.text(value, valueX + 6, baseline, size);
    canvas.line(valueX, baseline + 3, valueX + lineW, baseline + 3, THIN);
  }

  /** The code at the lower right, its payload in clear under it, and the instructions beside it. */
  private static void qrCode(PdfCanvas canvas, ReportIdentity identity, float top) {
    String payload = identity.toQrPayload();
    QrSymbol symbol = QrSymbol.of(payload);
    float x = LEFT + PdfCanvas.CONTENT_WIDTH - QR_SIDE;
    symbol.draw(canvas, x, top, QR_SIDE);
    float center = x + QR_SIDE / 2;
    canvas.text("月报表核验码", center, top + QR_SIDE + 14, 8, Align.CENTER);
    canvas.text(payload, x + QR_SIDE, top + QR_SIDE + 24, 6, Align.RIGHT);

    float quiet = QR_SIDE / symbol.size() * QrSymbol.QUIET_ZONE;
    float notesW = PdfCanvas.CONTENT_WIDTH - QR_SIDE - quiet - 10;
    String notes = "说明：本表由系统根据已签字的月报生成。请打印后由填报单位领导小组组长签字、加盖单位公章，"
        + "扫描为 PDF（不超过 5 页、10 MB，分辨率不低于 150 dpi）后上传。请勿遮盖、涂改右侧二维码，公章请勿盖在"
        + "二维码上。月报数据如有修改，须重新签字并使用新生成的报表。";
    float baseline = top + 10;
    for (String line : canvas.wrap(notes, notesW, 9)) {
      canvas.text(line, LEFT, baseline, 9);
      baseline += PdfCanvas.leading(9) + 2;
    }
  }

  private static void cell(PdfCanvas canvas, String text, float x, float top, float w, float h, float size) {
    canvas.rect(x, top, w, h, THIN);
    canvas.boxText(text, x, top, w, h, size, Align.CENTER);
  }
}
