package cn.henan.skills.pdf;

import cn.henan.skills.pdf.PdfCanvas.Align;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.stereotype.Component;

/**
 * The quota notice as the province publishes it: red letterhead, document number, title, the body text, the
 * issuing office and date, then Attachment 1 — every unit's quotas and the totals, the table's header repeated
 * on each page. Pages are numbered "第 n 页 共 N 页".
 */
@Component
public class NoticePdf {
  /** The only issuer in this system; its name heads the letter and signs it. */
  static final String ISSUER = "河南省教育厅办公室";
  /** Attachment 1's title: the year's table (two years' tables side by side are told apart by it). */
  static String attachmentTitle(int year) {
    return "河南省教育系统“人人持证、技能河南”建设工作 " + year + " 年任务分配表";
  }
  /** Broken where the notice breaks them, not where the narrow columns happen to end. */
  static final List<String> HEADINGS = List.of("序号", "单位", "培训任务\n（人次）", "取证人数\n（人）",
      "其中高级工\n及以上（人）", "1+X证书\n取证人数（人）");

  private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日");
  /** Section headings of an official document ("一、…") are set in bold. */
  private static final Pattern SECTION = Pattern.compile("^[一二三四五六七八九十]+、.*");

  private static final float LEFT = PdfCanvas.MARGIN;
  private static final float RIGHT = LEFT + PdfCanvas.CONTENT_WIDTH;
  private static final float CENTER = LEFT + PdfCanvas.CONTENT_WIDTH / 2;
  private static final float TOP = 60;
  private static final float BOTTOM = PdfCanvas.A4.getHeight() - 64;
  private static final float BODY_SIZE = 12;
  private static final float BODY_LEADING = 22;
  private static final float TABLE_SIZE = 10;
  private static final float[] COLUMNS = {34, 177, 69, 69, 69, 69};
  private static final float THIN = 0.6f;

  private final PdfFonts fonts;

  public NoticePdf(PdfFonts fonts) {
    this.fonts = fonts;
  }

  public byte[] render(NoticePdfData data) {
    try (PdfFonts.Lease lease = fonts.lease(); PDDocument document = new PDDocument();
        PdfCanvas canvas = new PdfCanvas(document, lease.embedIn(document))) {
      document.getDocumentInformation().setTitle(data.documentNumber() + " " + data.title());
      document.getDocumentInformation().setCreator("skills-henan");
      canvas.newPage();
      float baseline = letterhead(canvas, data);
      baseline = body(canvas, data.body(), baseline);
      signature(canvas, data, baseline);
      // a circulated notice has no quota table
      if (!data.rows().isEmpty()) {
        attachment(canvas, data.year(), data.rows());
      }
      numberPages(canvas);
      return canvas.save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float letterhead(PdfCanvas canvas, NoticePdfData data) {
    canvas.color(PdfCanvas.RED);
    canvas.bold(() -> canvas.text(ISSUER + "文件", CENTER, TOP + 40, 26, Align.CENTER), 26);
    canvas.line(LEFT, TOP + 78, RIGHT, TOP + 78, 1.5f);
    canvas.color(Color.BLACK);
    canvas.text(data.documentNumber(), CENTER, TOP + 68, BODY_SIZE, Align.CENTER);
    float baseline = TOP + 118;
    for (String line : canvas.wrapBalanced(data.title(), PdfCanvas.CONTENT_WIDTH - 48, 16)) {
      float b = baseline;
      canvas.bold(() -> canvas.text(line, CENTER, b, 16, Align.CENTER), 16);
      baseline += 26;
    }
    return baseline + 14;
  }

  /** Paragraphs indented by two characters, except a salutation ending in a colon; pages break as needed. */
  private static float body(PdfCanvas canvas, String body, float baseline) {
    for (String paragraph : body.replace("\r", "").split("\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      String text = paragraph.strip();
      boolean salutation = text.endsWith("：") || text.endsWith(":");
      boolean section = SECTION.matcher(text).matches();
      float indent = salutation ? 0 : 2 * BODY_SIZE;
      List<String> lines = canvas.wrap(text, PdfCanvas.CONTENT_WIDTH, indent, BODY_SIZE);
      for (int i = 0; i < lines.size(); i++) {
        baseline = ensureRoom(canvas, baseline, BODY_LEADING);
        float x = LEFT + (i == 0 ? indent : 0);
        String line = lines.get(i);
        float b = baseline;
        if (section) {
          canvas.bold(() -> canvas.text(line, x, b, BODY_SIZE), BODY_SIZE);
        } else {
          canvas.text(line, x, b, BODY_SIZE);
        }
        baseline += BODY_LEADING;
      }
    }
    return baseline;
  }

  /** The issuing office and date at the right, as an official document closes. */
  private static void signature(PdfCanvas canvas, NoticePdfData data, float baseline) {
    baseline = ensureRoom(canvas, baseline + BODY_LEADING, 2 * BODY_LEADING);
    float x = RIGHT - 2 * BODY_SIZE;
    canvas.text(ISSUER, x, baseline, BODY_SIZE, Align.RIGHT);
    canvas.text(ISSUED.format(data.issuedOn()), x, baseline + BODY_LEADING, BODY_SIZE, Align.RIGHT);
  }

  private static void attachment(PdfCanvas canvas, int year, List<NoticePdfData.Row> rows) {
    canvas.newPage();
    canvas.bold(() -> canvas.text("附件 1", LEFT, TOP, BODY_SIZE), BODY_SIZE);
    canvas.bold(() -> canvas.text(attachmentTitle(year), CENTER, TOP + 32, 15, Align.CENTER), 15);
    float top = header(canvas, TOP + 48);
    for (NoticePdfData.Row row : rows) {
      List<String> cells = List.of(Integer.toString(row.seq()), row.unitName(), Integer.toString(row.training()),
          Integer.toString(row.certification()), quota(row.advanced()), quota(row.onePlusX()));
      float height = rowHeight(canvas, cells, COLUMNS);
      if (top + height > BOTTOM) {
        canvas.newPage();
        top = header(canvas, TOP);
      }
      tableRow(canvas, cells, COLUMNS, top, height, false);
      top += height;
    }
    // 合计 spans the number and unit columns
    List<String> totals = List.of("合计", sum(rows, NoticePdfData.Row::training),
        sum(rows, NoticePdfData.Row::certification), sum(rows, r -> Objects.requireNonNullElse(r.advanced(), 0)),
        sum(rows, r -> Objects.requireNonNullElse(r.onePlusX(), 0)));
    float[] widths = {COLUMNS[0] + COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5]};
    float height = rowHeight(canvas, totals, widths);
    if (top + height > BOTTOM) {
      canvas.newPage();
      top = header(canvas, TOP);
    }
    tableRow(canvas, totals, widths, top, height, true);
  }

  /** The column headings, drawn at the top of the table on every page; returns where the rows start. */
  private static float header(PdfCanvas canvas, float top) {
    float height = rowHeight(canvas, HEADINGS, COLUMNS);
    tableRow(canvas, HEADINGS, COLUMNS, top, height, true);
    return top + height;
  }

  private static float rowHeight(PdfCanvas canvas, List<String> cells, float[] widths) {
    float height = 0;
    for (int c = 0; c < cells.size(); c++) {
      height = Math.max(height, canvas.textHeight(cells.get(c), widths[c], TABLE_SIZE));
    }
    return Math.max(height, 20);
  }

  /** A row of bordered cells; in a unit's row the name is left-aligned, headings and totals are bold. */
  private static void tableRow(PdfCanvas canvas, List<String> cells, float[] widths, float top, float height,
      boolean bold) {
    float x = LEFT;
    for (int c = 0; c < cells.size(); c++) {
      float w = widths[c];
      String text = cells.get(c);
      Align align = c == 1 && !bold ? Align.LEFT : Align.CENTER;
      canvas.rect(x, top, w, height, THIN);
      float cellX = x;
      if (bold) {
        canvas.bold(() -> canvas.boxText(text, cellX, top, w, height, TABLE_SIZE, align), TABLE_SIZE);
      } else {
        canvas.boxText(text, cellX, top, w, height, TABLE_SIZE, align);
      }
      x += w;
    }
  }

  /** As in the notice's table: —— where there is no requirement. */
  private static String quota(Integer quota) {
    return quota == null ? "——" : quota.toString();
  }

  private static String sum(List<NoticePdfData.Row> rows, ToIntFunction<NoticePdfData.Row> column) {
    return Long.toString(rows.stream().mapToLong(column::applyAsInt).sum());
  }

  private static float ensureRoom(PdfCanvas canvas, float baseline, float needed) {
    if (baseline + needed <= BOTTOM + BODY_LEADING) {
      return baseline;
    }
    canvas.newPage();
    return TOP + BODY_SIZE;
  }

  private static void numberPages(PdfCanvas canvas) {
    int count = canvas.document().getNumberOfPages();
    int n = 0;
    for (PDPage page : canvas.document().getPages()) {
      n++;
      canvas.reopen(page);
      canvas.text("第 " + n + " 页 共 " + count + " 页", CENTER, PdfCanvas.A4.getHeight() - 36, 9, Align.CENTER);
    }
  }
}
