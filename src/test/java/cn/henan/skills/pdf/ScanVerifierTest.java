package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.pdf.ScanCheck.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class ScanVerifierTest {
  private static final ReportPdfData REPORT = Samples.report();
  private static final ReportIdentity SIGNED = ReportIdentity.of(REPORT);
  private static final byte[] PDF = Samples.REPORT_PDF.render(REPORT);
  /** Printed, stamped, scanned at 150 dpi one degree askew with noise, saved as JPEG in a PDF. */
  private static final byte[] SCAN = Scans.scan(PDF);

  private final ScanVerifier verifier = Samples.VERIFIER;

  @Test
  void theQrCodeOnTheGeneratedPageReadsBack() throws IOException {
    try (PDDocument document = Loader.loadPDF(PDF)) {
      var page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
      assertThat(ScanVerifier.qrCodes(page)).extracting(ScanVerifier.Code::text)
          .containsExactly(SIGNED.toQrPayload());
    }
  }

  @Test
  void aStampedScanOfTheSignedReportPasses() {
    ScanCheck check = verifier.verify(SCAN, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.PASSED);
    assertThat(check.passed()).isTrue();
    assertThat(check.payload()).isEqualTo("SKHN1|u030|2022-03|v3|" + SIGNED.figuresHash());
    assertThat(check.identity()).contains(SIGNED);
    assertThat(check.message()).contains("核验通过", "第 1 页", "2022 年 3 月", "第 3 版", "识别到公章印迹");
    assertThat(check.seal().diameterMm()).as("the 42 mm seal").isBetween(39.0, 45.0);
    assertThat(check.seal().yMm()).as("on the 填报单位（公章） line, 54 mm from the top").isBetween(44.0, 64.0);
  }

  @Test
  void aScanWithoutTheSealIsAWarningNamingTheLineAndTheWayThrough() {
    ScanCheck check = verifier.verify(Scans.scan(PDF, 150, 1.0, 5, Scans.NO_STAMP), SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.NO_SEAL);
    assertThat(check.passed()).isFalse();
    assertThat(check.payload()).as("the right report all the same").isEqualTo(SIGNED.toQrPayload());
    assertThat(check.seal()).isNull();
    assertThat(check.message()).contains("未检测到公章", "“填报单位（公章）”处", "公章印迹较浅", "书面说明");
  }

  @Test
  void theGeneratedPdfItselfIsNotAScan() {
    ScanCheck check = verifier.verify(PDF, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.NOT_SCANNED);
    assertThat(check.passed()).isFalse();
    assertThat(check.message()).contains("系统生成的月报 PDF 本身", "打印", "签字", "加盖单位公章", "扫描成 PDF");
    assertThat(verifier.verify(Samples.REPORT_PDF.render(Samples.withVersion(REPORT, 2)), SIGNED).reason())
        .as("an older version's PDF, unprinted, is told the same").isEqualTo(Reason.NOT_SCANNED);
  }

  @Test
  void theGeneratedPageBehindAScannedPageIsNotAScan() throws IOException {
    byte[] scannedBlankPage = Scans.toPdf(Scans.paper(150, 0.5, 9, Scans.blankPages(1)), 0.75f);
    PDFMergerUtility merger = new PDFMergerUtility();
    merger.addSource(new RandomAccessReadBuffer(scannedBlankPage));
    merger.addSource(new RandomAccessReadBuffer(PDF));
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    merger.setDestinationStream(both);
    merger.mergeDocuments(null);

    ScanCheck check = verifier.verify(both.toByteArray(), SIGNED);

    assertThat(check.reason()).as("the code was read from the generated page").isEqualTo(Reason.NOT_SCANNED);
  }

  @Test
  void theReportAmongOtherPagesAndTurnedUpsideDownPasses() {
    byte[] scan = Scans.toPdf(Scans.paper(150, 180.5, 7, Scans.blankPages(1), PDF), 0.7f);

    ScanCheck check = verifier.verify(scan, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.PASSED);
    assertThat(check.message()).contains("第 2 页");
  }

  @Test
  void theSameScanForAnotherUnitIsRefused() {
    ScanCheck check = verifier.verify(SCAN, expected("u031", 2022, 3, 3));

    assertThat(check.reason()).isEqualTo(Reason.OTHER_UNIT);
    assertThat(check.passed()).isFalse();
    assertThat(check.message()).contains("其他单位（u030）", "本单位（u031）");
    assertThat(check.payload()).isEqualTo(SIGNED.toQrPayload());
  }

  @Test
  void theSameScanForAnotherMonthIsRefused() {
    ScanCheck check = verifier.verify(SCAN, expected("u030", 2022, 4, 1));

    assertThat(check.reason()).isEqualTo(Reason.OTHER_MONTH);
    assertThat(check.message()).contains("2022 年 3 月的月报表", "应上传 2022 年 4 月");
  }

  @Test
  void aScanOfAnOlderVersionIsRefused() {
    ReportIdentity newer = ReportIdentity.of(Samples.withVersion(REPORT, 4));

    ScanCheck check = verifier.verify(SCAN, newer);

    assertThat(check.reason()).isEqualTo(Reason.OLDER_VERSION);
    assertThat(check.message()).contains("第 3 版", "当前为第 4 版", "签字后数据已修改");
  }

  @Test
  void figuresChangedWithoutANewVersionAreRefused() {
    ReportIdentity changed = new ReportIdentity("u030", 2022, 3, 3, "0123456789abcdef");

    ScanCheck check = verifier.verify(SCAN, changed);

    assertThat(check.reason()).isEqualTo(Reason.OLDER_VERSION);
    assertThat(check.message()).contains("数据不一致", "签字后数据已变更");
  }

  @Test
  void aPdfWithoutTheQrCodeIsRefused() {
    byte[] noticeScan = Scans.toPdf(Scans.paper(150, 1, 3, Samples.NOTICE_PDF.render(Samples.notice())).subList(0, 2),
        0.75f);

    ScanCheck check = verifier.verify(noticeScan, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.NO_QR);
    assertThat(check.message()).contains("全部 2 页", "没有识别到月报表二维码");
    assertThat(check.payload()).isNull();
  }

  @Test
  void aScanWhoseImageCannotBeDecodedIsUnrenderableRatherThanWithoutQr() {
    ScanCheck damaged = verifier.verify(Scans.unreadableImage("DCTDecode"), SIGNED);
    ScanCheck jpeg2000 = verifier.verify(Scans.unreadableImage("JPXDecode"), SIGNED);

    assertThat(damaged.reason()).isEqualTo(Reason.UNRENDERABLE);
    assertThat(damaged.message()).contains("第 1 页的扫描图像已损坏");
    assertThat(jpeg2000.reason()).isEqualTo(Reason.UNRENDERABLE);
    assertThat(jpeg2000.message()).contains("JPEG 2000", "重新扫描");
  }

  @Test
  void aPdfWithoutPagesIsUnrenderable() {
    ScanCheck check = verifier.verify(Scans.blankPages(0), SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.UNRENDERABLE);
    assertThat(check.message()).contains("没有任何页面");
  }

  @Test
  void anEncryptedPdfIsRefusedWhetherOrNotItAsksForAPassword() {
    for (String userPassword : new String[] {"open-me", ""}) {
      ScanCheck check = verifier.verify(Scans.encrypted(SCAN, userPassword), SIGNED);

      assertThat(check.reason()).as(userPassword).isEqualTo(Reason.ENCRYPTED);
      assertThat(check.message()).contains("已加密");
    }
  }

  @Test
  void sixPagesAreTooMany() {
    ScanCheck check = verifier.verify(Scans.blankPages(6), SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.TOO_MANY_PAGES);
    assertThat(check.message()).contains("共 6 页", "最多允许 5 页");
  }

  @Test
  void aTinyFileWithHugePagesIsRefusedBeforeRendering() {
    // 1 KB declaring 4800 × 4800 pt pages: rendering one would need 10,000 × 10,000 pixels
    byte[] huge = Scans.pages(5, new PDRectangle(4800, 4800));
    assertThat(huge.length).isLessThan(3_000);

    ScanCheck check = verifier.verify(huge, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.PAGE_TOO_LARGE);
    assertThat(check.message()).contains("第 1 页", "1693 × 1693 毫米", "A3");
    assertThat(verifier.verify(Scans.pages(1, PDRectangle.A3), SIGNED).reason())
        .as("an A3 page is still checked (and has no code)").isEqualTo(Reason.NO_QR);
  }

  @Test
  void aPngNamedPdfIsNotAPdf() {
    ScanCheck check = verifier.verify(Scans.png(), SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.NOT_PDF);
    assertThat(check.message()).contains("不是 PDF");
  }

  @Test
  void aFileThatOnlyStartsLikeAPdfIsNotAPdf() {
    byte[] truncated = Arrays.copyOf(PDF, 400);

    ScanCheck check = verifier.verify(truncated, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.NOT_PDF);
    assertThat(check.message()).contains("无法作为 PDF 打开");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(verifier.verify(new byte[0], SIGNED).reason()).isEqualTo(Reason.EMPTY);
    assertThat(verifier.verify(null, SIGNED).message()).contains("0 字节");
  }

  @Test
  void moreThanTenMegabytesIsTooLarge() {
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 8);

    ScanCheck check = verifier.verify(large, SIGNED);

    assertThat(check.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(check.message()).contains("10.0 MB", "超过了 10 MB");
  }

  @Test
  void exactlyTenMegabytesIsNotTooLarge() {
    byte[] limit = new byte[10 * 1024 * 1024];

    assertThat(verifier.verify(limit, SIGNED).reason()).isEqualTo(Reason.NOT_PDF);
  }

  private static ReportIdentity expected(String unit, int year, int month, int version) {
    return new ReportIdentity(unit, year, month, version, SIGNED.figuresHash());
  }
}
