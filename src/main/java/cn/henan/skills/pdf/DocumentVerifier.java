package cn.henan.skills.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded document that a person reads rather than the system (an evaluation institution's application
 * materials): the checks of every upload ({@link UploadedPdf}: size, PDF, not encrypted, pages, page size), then
 * every page rendered once, small, so that a file the reviewer could not open is refused at the click.
 */
@Component
public class DocumentVerifier {
  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_PAGES = 30;
  /** Enough to draw every object of a page (a broken one fails), at a sixteenth of the pixels of 150 dpi. */
  private static final float DPI = 36;

  private static final UploadedPdf.Subject DOCUMENT = new UploadedPdf.Subject("证明材料", MAX_BYTES, MAX_PAGES,
      "请压缩图片或分成较少的页后重新导出 PDF 上传。", "请将申请材料（申请表、资质证明等）导出或扫描为 PDF 文件后上传。",
      "请只上传备案所需的申请材料。", "请按 A4 纸导出或扫描后上传。");

  /**
   * @param passed  whether the document may be stored
   * @param message in Chinese: why it is refused, or what was checked
   * @param pages   its page count (0 when refused before it was read)
   */
  public record Verdict(boolean passed, String message, int pages) {
  }

  public Verdict verify(byte[] upload) {
    PDDocument document;
    try {
      document = UploadedPdf.open(upload, DOCUMENT);
    } catch (UploadedPdf.Refused refused) {
      return new Verdict(false, refused.getMessage(), 0);
    }
    try (document) {
      int pages = document.getNumberOfPages();
      PDFRenderer renderer = new PDFRenderer(document);
      renderer.setSubsamplingAllowed(true);
      for (int page = 0; page < pages; page++) {
        try {
          renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
          return new Verdict(false, "第 " + (page + 1) + " 页无法显示，文件可能已损坏。请重新导出或扫描 PDF 后上传。", pages);
        }
      }
      return new Verdict(true, "证明材料为 PDF，共 " + pages + " 页，可以正常打开。", pages);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the document", e);
    }
  }
}
