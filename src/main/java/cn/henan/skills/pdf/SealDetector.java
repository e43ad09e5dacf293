package cn.henan.skills.pdf;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Looks for the impression of a unit's official seal (公章) on a scanned page: a red, roughly round mark of 38–45 mm
 * near the 填报单位（公章） line of the generated report. A seal is a ring with text and a star inside, so the test is
 * red ink forming a circle of that size whose inside is not solid red; a name stamp, a square stamp or red pen
 * marks are not a seal.
 *
 * <p>The page is looked at in cells of one millimetre (a cell is red when enough of its pixels are): small enough
 * for a ring about a millimetre thick, coarse enough that JPEG smear and a broken ring still join up, and only about
 * 62,000 cells for an A4 page whatever the scan's resolution.
 */
final class SealDetector {
  /** About 38–45 mm, with room for the cells' millimetre, a scanner's scaling and ink spread. */
  static final double MIN_DIAMETER_MM = 34;
  static final double MAX_DIAMETER_MM = 50;
  /** How far from the 填报单位（公章） line the seal's centre may be (a seal is put over the unit's name). */
  static final double MAX_DISTANCE_FROM_LINE_MM = 30;
  /** Share of directions from the centre in which the ring shows: a seal's ring is printed all round. */
  private static final double MIN_RING_COVERAGE = 0.75;
  /** Share of the seal's square that is red at most: a seal is a ring with text, not a solid disc. */
  private static final double MAX_FILL = 0.6;
  private static final int DIRECTIONS = 72;

  private SealDetector() {
  }

  /**
   * The seal near the 填报单位（公章） line, if there is one.
   *
   * @param page the page in colour
   * @param dpi the resolution the page was rendered at
   * @param upright false when the page was scanned upside down (its QR code at the top), so the line is at the bottom
   */
  static Optional<SealImpression> find(BufferedImage page, double dpi, boolean upright) {
    double pixelsPerMm = dpi / 25.4;
    int cell = Math.max(1, (int) Math.round(pixelsPerMm));
    int columns = page.getWidth() / cell;
    int rows = page.getHeight() / cell;
    boolean[] red = redCells(page, cell, columns, rows);
    double cellMm = cell / pixelsPerMm;
    double pageHeightMm = rows * cellMm;
    double pageWidthMm = columns * cellMm;
    double lineMm = ReportPdf.UNIT_LINE_BASELINE / PdfCanvas.MM;
    boolean[] seen = new boolean[red.length];
    SealImpression best = null;
    for (int start = 0; start < red.length; start++) {
      if (!red[start] || seen[start]) {
        continue;
      }
      int[] box = component(red, seen, start, columns, rows);
      double widthMm = (box[2] - box[0] + 1) * cellMm;
      double heightMm = (box[3] - box[1] + 1) * cellMm;
      if (!plausibleSize(widthMm, heightMm) || !round(red, box, columns)) {
        continue;
      }
      double x = (box[0] + box[2] + 1) / 2.0 * cellMm;
      double y = (box[1] + box[3] + 1) / 2.0 * cellMm;
      if (!upright) {
        x = pageWidthMm - x;
        y = pageHeightMm - y;
      }
      if (Math.abs(y - lineMm) <= MAX_DISTANCE_FROM_LINE_MM
          && (best == null || Math.abs(y - lineMm) < Math.abs(best.yMm() - lineMm))) {
        best = new SealImpression((widthMm + heightMm) / 2, x, y);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Red ink: red well above green and blue (black text, grey paper and noise are not); a quarter of a cell. */
  private static boolean[] redCells(BufferedImage page, int cell, int columns, int rows) {
    int[] counts = new int[columns * rows];
    int[] line = new int[page.getWidth()];
    for (int y = 0; y < rows * cell; y++) {
      page.getRGB(0, y, line.length, 1, line, 0, line.length);
      int rowBase = (y / cell) * columns;
      for (int x = 0; x < columns * cell; x++) {
        int rgb = line[x];
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (r >= 90 && r - Math.max(g, b) >= 45) {
          counts[rowBase + x / cell]++;
        }
      }
    }
    boolean[] red = new boolean[counts.length];
    int enough = Math.max(1, cell * cell / 4);
    for (int i = 0; i < counts.length; i++) {
      red[i] = counts[i] >= enough;
    }
    return red;
  }

  /** The bounding box {left, top, right, bottom} of the red cells touching {@code start} (diagonals included). */
  private static int[] component(boolean[] red, boolean[] seen, int start, int columns, int rows) {
    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen[start] = true;
    while (!queue.isEmpty()) {
      int i = queue.poll();
      int cx = i % columns;
      int cy = i / columns;
      box[0] = Math.min(box[0], cx);
      box[1] = Math.min(box[1], cy);
      box[2] = Math.max(box[2], cx);
      box[3] = Math.max(box[3], cy);
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int nx = cx + dx;
          int ny = cy + dy;
          if (nx >= 0 && ny >= 0 && nx < columns && ny < rows) {
            int n = ny * columns + nx;
            if (red[n] && !seen[n]) {
              seen[n] = true;
              queue.add(n);
            }
          }
        }
      }
    }
    return box;
  }

  private static boolean plausibleSize(double widthMm, double heightMm) {
    double ratio = Math.max(widthMm, heightMm) / Math.min(widthMm, heightMm);
    return widthMm >= MIN_DIAMETER_MM && heightMm >= MIN_DIAMETER_MM && widthMm <= MAX_DIAMETER_MM
        && heightMm <= MAX_DIAMETER_MM && ratio <= 1.2;
  }

  /** Red on the circle of the box in most directions (a square's corners stick out of it), and not solid red. */
  private static boolean round(boolean[] red, int[] box, int columns) {
    double cx = (box[0] + box[2]) / 2.0;
    double cy = (box[1] + box[3]) / 2.0;
    double radius = (box[2] - box[0] + box[3] - box[1] + 2) / 4.0;
    int covered = 0;
    for (int d = 0; d < DIRECTIONS; d++) {
      double angle = 2 * Math.PI * d / DIRECTIONS;
      for (double r = radius * 0.85; r <= radius * 1.05; r += 0.5) {
        int x = (int) Math.round(cx + r * Math.cos(angle));
        int y = (int) Math.round(cy + r * Math.sin(angle));
        if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && red[y * columns + x]) {
          covered++;
          break;
        }
      }
    }
    int filled = 0;
    for (int y = box[1]; y <= box[3]; y++) {
      for (int x = box[0]; x <= box[2]; x++) {
        filled += red[y * columns + x] ? 1 : 0;
      }
    }
    int area = (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
    return covered >= MIN_RING_COVERAGE * DIRECTIONS && filled <= MAX_FILL * area;
  }
}
