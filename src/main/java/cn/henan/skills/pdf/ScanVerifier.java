package cn.henan.skills.pdf;

import cn.henan.skills.pdf.ScanCheck.Reason;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded scan of the stamped monthly report before it is stored: is it a readable PDF of at most five
 * pages, is it a scan (the QR code read from a page-sized scanned image, not from the generated PDF's own text and
 * lines), and does one of its pages carry the QR code of exactly the report that was signed? Every refusal names
 * its reason in Chinese, so that the unit knows what to fix.
 *
 * <p>Memory stays modest for a 10 MB upload: the bytes are parsed in place, pages are rendered one at a time in
 * grey at 150 dpi, and the scanned images are decoded subsampled to that resolution.
 */
@Component
public class ScanVerifier {
  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_PAGES = 5;
  /** Enough for a ≥ 30 mm code (about 6 pixels per module), and a quarter of the pixels of 300 dpi. */
  static final float DPI = 150;

  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.PURE_BARCODE, Boolean.FALSE,
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
      DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

  /** The scan as a PDF: what {@link UploadedPdf} checks of every upload, said of a scan of the monthly report. */
  private static final UploadedPdf.Subject SCAN = new UploadedPdf.Subject("扫描件", MAX_BYTES, MAX_PAGES,
      "请用 150–300 dpi 的灰度或黑白模式重新扫描后上传。", "请将盖章后的月报表扫描为 PDF 文件后上传。",
      "请只扫描本月的月报表（含签字、盖章页）。", "请按 A4 纸扫描月报表后上传。");

  public ScanCheck verify(byte[] upload, ReportIdentity expected) {
    PDDocument document;
    try {
      document = UploadedPdf.open(upload, SCAN);
    } catch (UploadedPdf.Refused refused) {
      return refused.check();
    }
    try (document) {
      return verify(document, expected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the scan", e);
    }
  }

  private static ScanCheck verify(PDDocument document, ReportIdentity expected) {
    int pages = document.getNumberOfPages();
    ScanRenderer renderer = new ScanRenderer(document);
    List<Found> found = new ArrayList<>();
    boolean foreignCode = false;
    String unreadableImage = null;
    int scannedPages = 0;
    int drawnPages = 0;
    for (int page = 0; page < pages; page++) {
      BufferedImage image;
      try {
        image = renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
      } catch (IOException | RuntimeException e) {
        return ScanCheck.refused(Reason.UNRENDERABLE, "第 " + (page + 1) + " 页无法显示（" + e.getClass()
            .getSimpleName() + "），文件可能已损坏。请重新扫描或重新导出 PDF 后上传。");
      }
      if (unreadableImage == null && renderer.imageFailure != null) {
        unreadableImage = "第 " + (page + 1) + " 页的扫描图像" + imageProblem(renderer.imageFailure);
      }
      scannedPages += renderer.scannedImage ? 1 : 0;
      drawnPages += renderer.drawnContent ? 1 : 0;
      for (Code code : qrCodes(image)) {
        String text = code.text();
        Optional<ReportIdentity> identity = identity(text);
        if (identity.isEmpty()) {
          foreignCode = true;
        } else if (identity.get().equals(expected)) {
          if (!renderer.scannedImage) {
            // the code was read from the page's own vector drawing: this is the generated PDF (or a copy of it)
            return notScanned();
          }
          // the code sits at the bottom of the form: above the middle, the page was scanned upside down
          return sealed(renderer, page, code.y() > image.getHeight() / 2.0, text, "第 " + (page + 1) + " 页的二维码与"
              + describe(expected) + "一致");
        } else {
          found.add(new Found(identity.get(), text));
        }
      }
    }
    if (scannedPages == 0 && drawnPages > 0) {
      return notScanned();
    }
    if (found.isEmpty() && unreadableImage != null) {
      return ScanCheck.refused(Reason.UNRENDERABLE, unreadableImage + "，因此无法识别二维码。请用扫描仪的普通 PDF"
          + "（彩色或灰度、JPEG 压缩）模式重新扫描后上传。");
    }
    if (found.isEmpty()) {
      return ScanCheck.refused(Reason.NO_QR, (foreignCode ? "扫描件中的二维码不是本系统生成的月报表二维码。"
          : "在全部 " + pages + " 页中都没有识别到月报表二维码。")
          + "请确认扫描的是系统生成的月报表整页，二维码清晰完整、未被公章或折痕遮挡，扫描分辨率不低于 150 dpi。");
    }
    return mismatch(found, expected);
  }

  /** The verdict on a scan of the right report: passed with the seal found, or the warning that none was. */
  private static ScanCheck sealed(PDFRenderer renderer, int page, boolean upright, String payload, String qr) {
    Optional<SealImpression> seal;
    try {
      // in colour this time, and only this page: the grey rendering for the codes cannot tell red ink from black
      seal = SealDetector.find(renderer.renderImageWithDPI(page, DPI, ImageType.RGB), DPI, upright);
    } catch (IOException | RuntimeException e) {
      seal = Optional.empty();
    }
    if (seal.isPresent()) {
      return new ScanCheck(Reason.PASSED, String.format(Locale.ROOT, "核验通过：%s；在“填报单位（公章）”处识别到"
          + "公章印迹（直径约 %.0f 毫米）。", qr, seal.get().diameterMm()), payload, seal.get());
    }
    return new ScanCheck(Reason.NO_SEAL, "未检测到公章：" + qr + "，但在“填报单位（公章）”处没有识别到红色圆形的"
        + "公章印迹。请确认已在该处加盖单位公章后彩色扫描；如已盖章但印迹较浅，请勾选“公章印迹较浅，系统未能识别”并填写书面"
        + "说明后提交。", payload);
  }

  /** Of several wrong codes, the one closest to the expected report explains the refusal best. */
  private static ScanCheck mismatch(List<Found> found, ReportIdentity expected) {
    Found closest = found.stream().max(Comparator.comparingInt(f -> closeness(f.identity(), expected))).get();
    ReportIdentity got = closest.identity();
    if (!got.unitCode().equals(expected.unitCode())) {
      return new ScanCheck(Reason.OTHER_UNIT, "扫描件上的二维码属于其他单位（" + got.unitCode() + "）的月报表，不是本单位（"
          + expected.unitCode() + "）的。请上传本单位盖章的月报表扫描件。", closest.text());
    }
    if (!got.period().equals(expected.period())) {
      return new ScanCheck(Reason.OTHER_MONTH, "扫描件是 " + got.year() + " 年 " + got.month() + " 月的月报表，"
          + "本次应上传 " + expected.year() + " 年 " + expected.month() + " 月的。", closest.text());
    }
    String message;
    if (got.version() < expected.version()) {
      message = "扫描件是本月报表的第 " + got.version() + " 版，当前为第 " + expected.version() + " 版：签字后数据已修改。"
          + "请下载最新的月报表，重新签字、盖章、扫描后上传。";
    } else if (got.version() > expected.version()) {
      message = "扫描件的版本（第 " + got.version() + " 版）与当前月报表（第 " + expected.version() + " 版）不一致。"
          + "请下载当前的月报表，重新签字、盖章、扫描后上传。";
    } else {
      message = "扫描件上的数据与系统中第 " + expected.version() + " 版月报表的数据不一致（签字后数据已变更）。"
          + "请下载当前的月报表，重新签字、盖章、扫描后上传。";
    }
    return new ScanCheck(Reason.OLDER_VERSION, message, closest.text());
  }

  private static int closeness(ReportIdentity got, ReportIdentity expected) {
    if (!got.unitCode().equals(expected.unitCode())) {
      return 0;
    }
    return got.period().equals(expected.period()) ? 2 : 1;
  }

  private record Found(ReportIdentity identity, String text) {
  }

  /** A QR code's text and where its centre is on the page image, in pixels. */
  record Code(String text, double x, double y) {
  }

  /**
   * The QR codes on a page. A QR code reads in any orientation, but the finder can miss on a noisy page; turning
   * the image costs little and only happens when nothing was read.
   */
  static List<Code> qrCodes(BufferedImage page) {
    LuminanceSource source = new BufferedImageLuminanceSource(page);
    for (int quarterTurn = 0; quarterTurn < 4; quarterTurn++) {
      List<Result> results = decode(source);
      if (!results.isEmpty()) {
        int turns = quarterTurn;
        return results.stream().map(result -> code(result, turns, page.getWidth(), page.getHeight())).toList();
      }
      source = source.rotateCounterClockwise();
    }
    return List.of();
  }

  /** The code's centre (the mean of its finder patterns), turned back to the page's own pixels. */
  private static Code code(Result result, int quarterTurns, int width, int height) {
    ResultPoint[] points = result.getResultPoints();
    if (points == null || points.length == 0) {
      return new Code(result.getText(), width / 2.0, height);
    }
    double x = Arrays.stream(points).mapToDouble(ResultPoint::getX).average().orElseThrow();
    double y = Arrays.stream(points).mapToDouble(ResultPoint::getY).average().orElseThrow();
    for (int turn = quarterTurns; turn > 0; turn--) {
      // a quarter turn counter-clockwise took pixel (x, y) of an image w wide to (y, w - 1 - x)
      int turnedWidth = turn % 2 == 1 ? width : height;
      double unturnedX = turnedWidth - 1 - y;
      y = x;
      x = unturnedX;
    }
    return new Code(result.getText(), x, y);
  }

  /** Several codes if a page has several (a foreign code must not hide ours), else the single-code reader. */
  private static List<Result> decode(LuminanceSource source) {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
    try {
      Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, HINTS);
      if (results.length > 0) {
        return List.of(results);
      }
    } catch (ReaderException | RuntimeException multiFailed) {
      // fall through to the single-code reader, which finds some codes the multi reader misses
    }
    try {
      return List.of(new QRCodeReader().decode(bitmap, HINTS));
    } catch (ReaderException | RuntimeException e) {
      return List.of();
    }
  }

  /** Why PDFBox could not draw a scanned image; it leaves the page blank and only logs. */
  private static String imageProblem(IOException failure) {
    String text = String.valueOf(failure.getMessage());
    if (failure instanceof MissingImageReaderException) {
      return text.contains("JPEG2000") ? "采用 JPEG 2000 压缩，系统无法读取"
          : text.contains("JBIG2") ? "采用 JBIG2 压缩，系统无法读取" : "的格式系统无法读取";
    }
    return "已损坏，无法读取";
  }

  /**
   * Renders pages for the QR search, and remembers when a scanned image could not be drawn.
   *
   * <p>Images are decoded only as finely as the 150 dpi page needs. PDFBox chooses the decoding step by rounding
   * the size ratio down, and a 300 dpi A4 scan drawn at 150 dpi comes out at 1.9998: it would be decoded in full,
   * 26 MB of pixels (and several copies of them) per page instead of 6.5 MB. One per cent of slack fixes it.
   */
  private static final class ScanRenderer extends PDFRenderer {
    private static final double DEVICE_PIXELS_PER_POINT = DPI / 72.0;
    /** The first image of the last rendered page that could not be drawn, or null. */
    IOException imageFailure;
    /** Whether the last rendered page shows an image over at least half of it, as a scanner's page does. */
    boolean scannedImage;
    /** Whether the last rendered page draws text or lines of its own, as a generated PDF does. */
    boolean drawnContent;

    ScanRenderer(PDDocument document) {
      super(document);
      setSubsamplingAllowed(true);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
      imageFailure = null;
      scannedImage = false;
      drawnContent = false;
      PDRectangle box = parameters.getPage().getCropBox();
      double pageArea = (double) box.getWidth() * box.getHeight();
      return new PageDrawer(parameters) {
        @Override
        public void drawImage(PDImage image) throws IOException {
          Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
          // the image is drawn into the unit square, so its area on the page is the determinant of the matrix
          double area = Math.abs((double) ctm.getScaleX() * ctm.getScaleY()
              - (double) ctm.getShearX() * ctm.getShearY());
          scannedImage |= area >= pageArea / 2;
          super.drawImage(image);
        }

        @Override
        protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
          drawnContent = true;
          super.showFontGlyph(textRenderingMatrix, font, code, displacement);
        }

        @Override
        public void strokePath() throws IOException {
          drawnContent = true;
          super.strokePath();
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
          drawnContent = true;
          super.fillPath(windingRule);
        }

        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
            throws IOException {
          if (imageFailure == null && ("Do".equals(operator.getName()) || e instanceof MissingImageReaderException)) {
            imageFailure = e;
          }
          super.operatorException(operator, operands, e);
        }

        @Override
        protected int getSubsampling(PDImage image, AffineTransform imageToPage) {
          double devicePixels = Math.abs(imageToPage.getDeterminant())
              * DEVICE_PIXELS_PER_POINT * DEVICE_PIXELS_PER_POINT;
          double ratio = Math.sqrt((double) image.getWidth() * image.getHeight() / devicePixels);
          int step = Math.max(1, Math.min(8, (int) Math.floor(ratio * 1.01)));
          return Math.min(step, Math.min(image.getWidth(), image.getHeight()));
        }
      };
    }
  }

  private static Optional<ReportIdentity> identity(String text) {
    try {
      return Optional.of(ReportIdentity.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ScanCheck notScanned() {
    return ScanCheck.refused(Reason.NOT_SCANNED, "上传的是系统生成的月报 PDF 本身（页面是电子文字和图形，没有扫描图像），"
        + "不是盖章扫描件。请将月报打印出来，由领导小组组长签字、在“填报单位（公章）”处加盖单位公章，再扫描成 PDF 上传。");
  }

  private static String describe(ReportIdentity report) {
    return "本单位（" + report.unitCode() + "）" + report.year() + " 年 " + report.month() + " 月月报表第 "
        + report.version() + " 版";
  }
}
