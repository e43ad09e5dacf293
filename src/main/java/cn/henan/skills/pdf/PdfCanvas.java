package cn.henan.skills.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 pages drawn top-down: every {@code top} is the distance in points from the top edge of the page, which is how
 * a form is laid out (PDF itself counts from the bottom). Text is always the embedded Chinese font.
 */
final class PdfCanvas implements AutoCloseable {
  static final PDRectangle A4 = PDRectangle.A4;
  static final float MARGIN = 54;
  static final float CONTENT_WIDTH = A4.getWidth() - 2 * MARGIN;
  static final float MM = 72f / 25.4f;
  static final Color RED = new Color(0xC8, 0x10, 0x10);

  enum Align { LEFT, CENTER, RIGHT }

  private final PDDocument document;
  private final CjkFont font;
  private PDPageContentStream out;

  PdfCanvas(PDDocument document, CjkFont font) {
    this.document = document;
    this.font = font;
  }

  PDDocument document() {
    return document;
  }

  void newPage() {
    closeStream();
    PDPage page = new PDPage(A4);
    document.addPage(page);
    draw(() -> out = new PDPageContentStream(document, page));
  }

  /** Continues drawing on a page that is already finished (page numbers once the page count is known). */
  void reopen(PDPage page) {
    closeStream();
    draw(() -> out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true));
  }

  float width(String text, float size) {
    return font.width(font.printable(text), size);
  }

  /** The lines of the text within the width; explicit line breaks are kept. */
  List<String> wrap(String text, float maxWidth, float size) {
    return wrap(text, maxWidth, 0, size);
  }

  /**
   * A centred title wrapped into as few lines as at full width, but of similar lengths: the narrowest width that
   * needs no more lines (so no line of one or two characters is left alone).
   */
  List<String> wrapBalanced(String text, float maxWidth, float size) {
    int lineCount = wrap(text, maxWidth, size).size();
    float narrow = 0;
    float wide = maxWidth;
    while (wide - narrow > size / 2) {
      float middle = (narrow + wide) / 2;
      if (wrap(text, middle, size).size() <= lineCount) {
        wide = middle;
      } else {
        narrow = middle;
      }
    }
    return wrap(text, wide, size);
  }

  /** As {@link #wrap(String, float, float)}, each paragraph's first line indented. */
  List<String> wrap(String text, float maxWidth, float indent, float size) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.replace("\r", "").split("\n", -1)) {
      lines.addAll(LineBreaker.wrap(font.printable(paragraph), maxWidth, indent, s -> font.width(s, size)));
    }
    return lines;
  }

  /** One line of text whose baseline is {@code baseline} points below the top of the page. */
  void text(String text, float x, float baseline, float size, Align align) {
    String printable = font.printable(text);
    float w = font.width(printable, size);
    float left = switch (align) {
      case LEFT -> x;
      case CENTER -> x - w / 2;
      case RIGHT -> x - w;
    };
    draw(() -> {
      out.beginText();
      out.setFont(font.pdfont(), size);
      out.newLineAtOffset(left, A4.getHeight() - baseline);
      out.showText(printable);
      out.endText();
    });
  }

  void text(String text, float x, float baseline, float size) {
    text(text, x, baseline, size, Align.LEFT);
  }

  /** Headings: one regular weight is embedded, so bold is drawn as filled and stroked outlines. */
  void bold(Runnable drawing, float size) {
    draw(() -> {
      out.setRenderingMode(RenderingMode.FILL_STROKE);
      out.setLineWidth(size * 0.035f);
    });
    drawing.run();
    draw(() -> out.setRenderingMode(RenderingMode.FILL));
  }

  void color(Color color) {
    draw(() -> {
      out.setNonStrokingColor(color);
      out.setStrokingColor(color);
    });
  }

  /** Text wrapped inside a box and centred vertically; callers size the box with {@link #textHeight}. */
  void boxText(String text, float x, float top, float w, float h, float size, Align align) {
    List<String> lines = wrap(text, w - 2 * padding(size), size);
    float leading = leading(size);
    float firstBaseline = top + (h - lines.size() * leading) / 2 + leading * 0.5f + size * 0.36f;
    for (int i = 0; i < lines.size(); i++) {
      float lineX = switch (align) {
        case LEFT -> x + padding(size);
        case CENTER -> x + w / 2;
        case RIGHT -> x + w - padding(size);
      };
      text(lines.get(i), lineX, firstBaseline + i * leading, size, align);
    }
  }

  /** The height a box needs for the wrapped text, with padding. */
  float textHeight(String text, float w, float size) {
    return wrap(text, w - 2 * padding(size), size).size() * leading(size) + 2 * padding(size);
  }

  static float leading(float size) {
    return size * 1.3f;
  }

  private static float padding(float size) {
    return size * 0.4f;
  }

  void rect(float x, float top, float w, float h, float lineWidth) {
    draw(() -> {
      out.setLineWidth(lineWidth);
      out.addRect(x, A4.getHeight() - top - h, w, h);
      out.stroke();
    });
  }

  void line(float x1, float top1, float x2, float top2, float lineWidth) {
    draw(() -> {
      out.setLineWidth(lineWidth);
      out.moveTo(x1, A4.getHeight() - top1);
      out.lineTo(x2, A4.getHeight() - top2);
      out.stroke();
    });
  }

  /** Rectangles {x, top, w, h} filled as one path, so that adjacent QR modules render without seams. */
  void fillRects(List<float[]> rects) {
    draw(() -> {
      for (float[] s : rects) {
        out.addRect(s[0], A4.getHeight() - s[1] - s[3], s[2], s[3]);
      }
      out.fill();
    });
  }

  byte[] save() {
    closeStream();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF", e);
    }
  }

  @Override
  public void close() {
    closeStream();
  }

  private void closeStream() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out = null;
      }
    }
  }

  private interface Drawing {
    void run() throws IOException;
  }

  private void draw(Drawing drawing) {
    try {
      drawing.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
