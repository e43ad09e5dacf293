package cn.henan.skills.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** What a unit does with the report on paper, simulated: print, stamp, scan slightly askew, save as PDF. */
public final class Scans {
  private Scans() {
  }

  /** A red mark put on the paper before it is scanned, drawn on the page image at its resolution. */
  @FunctionalInterface
  public interface Stamp {
    void on(Graphics2D page, int dpi);
  }

  /** The unit's official seal, 42 mm, over the unit's name on the 填报单位（公章） line of the generated report. */
  public static final Stamp OFFICIAL_SEAL = seal(42, 81, 51, 170);
  public static final Stamp NO_STAMP = (page, dpi) -> { };

  /** The pages of the PDFs as a scanner sees them: each page rendered, stamped with the official seal, turned, noisy. */
  static List<BufferedImage> paper(int dpi, double degrees, long seed, byte[]... pdfs) {
    return paper(dpi, degrees, seed, OFFICIAL_SEAL, pdfs);
  }

  /** The pages as a scanner sees them: each page rendered, stamped on paper, then scanned turned and noisy. */
  static List<BufferedImage> paper(int dpi, double degrees, long seed, Stamp stamp, byte[]... pdfs) {
    Random random = new Random(seed);
    List<BufferedImage> pages = new ArrayList<>();
    for (byte[] pdf : pdfs) {
      try (PDDocument document = Loader.loadPDF(pdf)) {
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
          BufferedImage page = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
          pages.add(noisy(turned(stamped(page, dpi, stamp), degrees), random));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  /** A scan of the PDF at 150 dpi, stamped with the official seal, turned by one degree, as a JPEG-compressed PDF. */
  public static byte[] scan(byte[] pdf) {
    return toPdf(paper(150, 1.0, 42, pdf), 0.75f);
  }

  /** A scan of the PDF at the given resolution and angle, with the given stamp on paper. */
  public static byte[] scan(byte[] pdf, int dpi, double degrees, long seed, Stamp stamp) {
    return toPdf(paper(dpi, degrees, seed, stamp, pdf), 0.75f);
  }

  /** Each image as one A4 page, JPEG-compressed as scanners do. */
  static byte[] toPdf(List<BufferedImage> pages, float jpegQuality) {
    try (PDDocument document = new PDDocument()) {
      for (BufferedImage image : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDImageXObject jpeg = JPEGFactory.createFromImage(document, image, jpegQuality);
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
          out.drawImage(jpeg, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage turned(BufferedImage page, double degrees) {
    BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
    g.drawImage(page, 0, 0, null);
    g.dispose();
    return out;
  }

  static BufferedImage stamped(BufferedImage page, int dpi, Stamp stamp) {
    Graphics2D g = page.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    stamp.on(g, dpi);
    g.dispose();
    return page;
  }

  private static double px(double mm, int dpi) {
    return mm / 25.4 * dpi;
  }

  private static Color ink(int alpha) {
    return new Color(220, 30, 30, alpha);
  }

  /**
   * A round official seal as a unit's 公章 prints: a ring about 1.2 mm thick, the unit's name as a row of characters
   * along the inside of the ring, a star in the middle; centred at (x, y) mm from the page's left and top edges.
   * {@code alpha} is how much ink (255 full, about 100 a faint impression).
   */
  public static Stamp seal(double diameterMm, double xMm, double yMm, int alpha) {
    return (g, dpi) -> {
      g.setColor(ink(alpha));
      double r = px(diameterMm / 2, dpi);
      double cx = px(xMm, dpi);
      double cy = px(yMm, dpi);
      float ring = (float) px(1.2, dpi);
      g.setStroke(new BasicStroke(ring));
      g.draw(new Ellipse2D.Double(cx - r + ring / 2, cy - r + ring / 2, 2 * r - ring, 2 * r - ring));
      double character = px(diameterMm * 0.11, dpi);
      for (int i = 0; i < 14; i++) {
        double angle = Math.toRadians(200 + i * 10);
        double at = r * 0.72;
        g.fill(new Rectangle2D.Double(cx + at * Math.cos(angle) - character / 2, cy + at * Math.sin(angle)
            - character / 2, character * 0.8, character));
      }
      g.fillPolygon(star((int) cx, (int) cy, (int) (r / 3)));
    };
  }

  /** A small round name seal (私章, about 18 mm), which is not the unit's official seal. */
  public static Stamp nameSeal(double xMm, double yMm) {
    return seal(18, xMm, yMm, 200);
  }

  /** A square red stamp of the given side, such as 已核 or a date stamp: red, the right size, but not round. */
  public static Stamp squareStamp(double sideMm, double xMm, double yMm) {
    return (g, dpi) -> {
      g.setColor(ink(190));
      double side = px(sideMm, dpi);
      g.setStroke(new BasicStroke((float) px(1.2, dpi)));
      g.draw(new Rectangle2D.Double(px(xMm, dpi) - side / 2, px(yMm, dpi) - side / 2, side, side));
      g.fill(new Rectangle2D.Double(px(xMm, dpi) - side / 4, px(yMm, dpi) - side / 4, side / 2, side / 8));
    };
  }

  /** Red ballpoint: a wavy underline of the given length and a tick, as a reviewer marks a form. */
  public static Stamp redPen(double xMm, double yMm, double lengthMm) {
    return (g, dpi) -> {
      g.setColor(ink(230));
      g.setStroke(new BasicStroke((float) px(0.5, dpi)));
      Path2D line = new Path2D.Double();
      line.moveTo(px(xMm, dpi), px(yMm, dpi));
      for (double t = 0; t <= lengthMm; t += 2) {
        line.lineTo(px(xMm + t, dpi), px(yMm + Math.sin(t / 3) * 1.5, dpi));
      }
      g.draw(line);
      g.draw(new Line2D.Double(px(xMm, dpi), px(yMm - 8, dpi), px(xMm + 4, dpi), px(yMm - 3, dpi)));
      g.draw(new Line2D.Double(px(xMm + 4, dpi), px(yMm - 3, dpi), px(xMm + 14, dpi), px(yMm - 16, dpi)));
    };
  }

  /** Several stamps on the same paper. */
  public static Stamp both(Stamp first, Stamp second) {
    return (g, dpi) -> {
      first.on(g, dpi);
      second.on(g, dpi);
    };
  }

  private static Polygon star(int cx, int cy, int r) {
    Polygon star = new Polygon();
    for (int i = 0; i < 10; i++) {
      double radius = i % 2 == 0 ? r : r * 0.4;
      double angle = Math.PI / 2 + i * Math.PI / 5;
      star.addPoint(cx + (int) (radius * Math.cos(angle)), cy - (int) (radius * Math.sin(angle)));
    }
    return star;
  }

  /** Sensor noise on every pixel and some dust. */
  static BufferedImage noisy(BufferedImage page, Random random) {
    for (int y = 0; y < page.getHeight(); y++) {
      for (int x = 0; x < page.getWidth(); x++) {
        int rgb = page.getRGB(x, y);
        int noise = (int) (random.nextGaussian() * 14);
        if (random.nextInt(2000) == 0) {
          noise = -160;
        }
        page.setRGB(x, y, shift(rgb >> 16, noise) << 16 | shift(rgb >> 8, noise) << 8 | shift(rgb, noise));
      }
    }
    return page;
  }

  private static int shift(int channel, int noise) {
    return Math.max(0, Math.min(255, (channel & 0xFF) + noise));
  }

  public static byte[] blankPages(int count) {
    return pages(count, PDRectangle.A4);
  }

  /** Blank pages of the given size. */
  public static byte[] pages(int count, PDRectangle size) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < count; i++) {
        document.addPage(new PDPage(size));
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page showing an image whose data the filter cannot decode, as a damaged or exotic scan has. */
  static byte[] unreadableImage(String filter) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      COSStream image = document.getDocument().createCOSStream();
      image.setItem(COSName.SUBTYPE, COSName.IMAGE);
      image.setInt(COSName.WIDTH, 1240);
      image.setInt(COSName.HEIGHT, 1754);
      image.setInt(COSName.BITS_PER_COMPONENT, 8);
      image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
      image.setItem(COSName.FILTER, COSName.getPDFName(filter));
      try (OutputStream raw = image.createRawOutputStream()) {
        raw.write("no image data".getBytes(StandardCharsets.US_ASCII));
      }
      try (PDPageContentStream out = new PDPageContentStream(document, page)) {
        out.drawImage(new PDImageXObject(new PDStream(image), null), 0, 0, PDRectangle.A4.getWidth(),
            PDRectangle.A4.getHeight());
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF protected with the given passwords; an empty user password opens without asking. */
  public static byte[] encrypted(byte[] pdf, String userPassword) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
          new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    document.save(bytes);
    return bytes.toByteArray();
  }
}
