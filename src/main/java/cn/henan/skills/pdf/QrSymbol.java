package cn.henan.skills.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A QR code drawn as vector shapes: sharp at any printer resolution and a few hundred bytes in the PDF.
 * Error correction Q (25 %) leaves room for a stamp's edge, a fold or scanner noise.
 */
final class QrSymbol {
  /** White border the decoder needs around the symbol, in modules. */
  static final int QUIET_ZONE = 4;

  private final ByteMatrix modules;

  private QrSymbol(ByteMatrix modules) {
    this.modules = modules;
  }

  static QrSymbol of(String payload) {
    try {
      return new QrSymbol(Encoder.encode(payload, ErrorCorrectionLevel.Q,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix());
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as QR code: " + payload, e);
    }
  }

  int size() {
    return modules.getWidth();
  }

  /** Draws the symbol (without its quiet zone, which the caller keeps blank) as a square of the given side. */
  void draw(PdfCanvas canvas, float x, float top, float side) {
    float module = side / size();
    List<float[]> rects = new ArrayList<>();
    for (int row = 0; row < size(); row++) {
      int col = 0;
      while (col < size()) {
        if (modules.get(col, row) != 1) {
          col++;
          continue;
        }
        int start = col;
        while (col < size() && modules.get(col, row) == 1) {
          col++;
        }
        rects.add(new float[] {x + start * module, top + row * module, (col - start) * module, module});
      }
    }
    canvas.fillRects(rects);
  }
}
