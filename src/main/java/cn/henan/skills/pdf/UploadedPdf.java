package cn.henan.skills.pdf;

import cn.henan.skills.pdf.ScanCheck.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * What every uploaded PDF must be before its pages are rendered — not empty, within its size, a PDF by its content
 * (not its name), not encrypted, within its page count, no page larger than A3 — checked in this order, before
 * anything costly. Shared by the stamped scan ({@link ScanVerifier}) and an institution's documents
 * ({@link DocumentVerifier}); each refusal is one Chinese sentence that also says what to do.
 */
final class UploadedPdf {
  /** A3 with a margin, in points (1/72 inch): at 150 dpi at most about 5 million grey pixels a page. */
  static final float MAX_PAGE_LONGER_SIDE_PT = 1250;
  static final float MAX_PAGE_SHORTER_SIDE_PT = 900;
  /** PDF allows junk before the header; readers look for it within the first kilobyte. */
  private static final int HEADER_WINDOW = 1024;

  /**
   * What the file is to its user, its limits, and the advice each refusal ends with.
   *
   * @param name      the file as the user calls it (扫描件, 证明材料)
   * @param tooLarge  what to do with a file over {@code maxBytes}
   * @param notPdf    what to do with a file that is not a PDF
   * @param tooMany   what to do with more than {@code maxPages} pages
   * @param oversized what to do with a page larger than A3
   */
  record Subject(String name, long maxBytes, int maxPages, String tooLarge, String notPdf, String tooMany,
      String oversized) {
  }

  /** The upload was refused before its pages were looked at. */
  static final class Refused extends Exception {
    private final transient ScanCheck check;

    Refused(Reason reason, String message) {
      super(message, null, false, false);
      this.check = ScanCheck.refused(reason, message);
    }

    ScanCheck check() {
      return check;
    }
  }

  private UploadedPdf() {
  }

  /** The parsed document, its size and pages checked; the caller closes it. */
  static PDDocument open(byte[] upload, Subject subject) throws Refused {
    if (upload == null || upload.length == 0) {
      throw new Refused(Reason.EMPTY, "上传的文件是空的（0 字节），请重新选择" + subject.name() + "上传。");
    }
    if (upload.length > subject.maxBytes()) {
      throw new Refused(Reason.TOO_LARGE, String.format(Locale.ROOT, "文件大小为 %.1f MB，超过了 %d MB 的上限。",
          upload.length / (1024.0 * 1024.0), subject.maxBytes() / (1024 * 1024)) + subject.tooLarge());
    }
    String start = new String(upload, 0, Math.min(upload.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
    if (!start.contains("%PDF-")) {
      throw new Refused(Reason.NOT_PDF, "文件不是 PDF（文件内容不是 PDF 格式，与文件名无关）。" + subject.notPdf());
    }
    PDDocument document;
    try {
      // parsed in place (no copy); PDFBox's scratch file would only hold streams it writes
      document = Loader.loadPDF(new RandomAccessReadBuffer(upload));
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      throw new Refused(Reason.NOT_PDF, "文件无法作为 PDF 打开，可能已损坏或只上传了一部分。请重新导出" + subject.name()
          + "后上传。");
    }
    try {
      checkPages(document, subject);
      return document;
    } catch (Refused refused) {
      closeQuietly(document);
      throw refused;
    }
  }

  private static void checkPages(PDDocument document, Subject subject) throws Refused {
    if (document.isEncrypted()) {
      throw encrypted();
    }
    int pages = document.getNumberOfPages();
    if (pages > subject.maxPages()) {
      throw new Refused(Reason.TOO_MANY_PAGES, "文件共 " + pages + " 页，最多允许 " + subject.maxPages() + " 页。"
          + subject.tooMany());
    }
    if (pages == 0) {
      throw new Refused(Reason.UNRENDERABLE, "PDF 文件中没有任何页面。");
    }
    // measured before anything is rendered: a 1 KB file can declare pages of 4800 × 4800 pt (10,000² pixels each)
    for (int page = 0; page < pages; page++) {
      PDRectangle box = document.getPage(page).getCropBox();
      float longer = Math.max(box.getWidth(), box.getHeight());
      float shorter = Math.min(box.getWidth(), box.getHeight());
      if (longer > MAX_PAGE_LONGER_SIDE_PT || shorter > MAX_PAGE_SHORTER_SIDE_PT) {
        throw new Refused(Reason.PAGE_TOO_LARGE, String.format(Locale.ROOT,
            "第 %d 页的页面为 %.0f × %.0f 毫米，超过了 A3（297 × 420 毫米）。", page + 1,
            box.getWidth() / 72 * 25.4, box.getHeight() / 72 * 25.4) + subject.oversized());
      }
    }
  }

  private static Refused encrypted() {
    return new Refused(Reason.ENCRYPTED, "文件已加密（设置了打开密码或权限密码），系统无法核验。请取消加密后重新导出 PDF 上传。");
  }

  private static void closeQuietly(PDDocument document) {
    try {
      document.close();
    } catch (IOException e) {
      // refused anyway; nothing was kept of it
    }
  }
}
