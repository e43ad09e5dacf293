package cn.henan.skills.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The embedded font of one document, with what layout needs: widths and a guard against missing glyphs. */
final class CjkFont {
  private final PDType0Font font;
  private final CmapLookup cmap;

  CjkFont(PDType0Font font, CmapLookup cmap) {
    this.font = font;
    this.cmap = cmap;
  }

  PDType0Font pdfont() {
    return font;
  }

  /**
   * The text as the font can show it: control characters become spaces, a character without glyph becomes 〓
   * (the Chinese mark for an illegible character). PDFBox would otherwise refuse the whole document.
   */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp)) {
        out.append(' ');
      } else if (cmap.getGlyphId(cp) == 0) {
        out.append('〓');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /** Width in points of printable text at the given size. */
  float width(String printable, float size) {
    try {
      return font.getStringWidth(printable) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
