package cn.henan.skills.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
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

  /** The pages of the PDFs as a scanner sees them: each page rendered, turned, stamped and made noisy. */
  static List<BufferedImage> paper(int dpi, double degrees, long seed, byte[]... pdfs) {
    Random random = new Random(seed);
    List<BufferedImage> pages = new ArrayList<>();
    for (byte[] pdf : pdfs) {
      try (PDDocument document = Loader.loadPDF(pdf)) {
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
          BufferedImage page = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
          pages.add(noisy(stamped(turned(page, degrees), dpi), random));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  /** A scan of the PDF at 150 dpi, turned by one degree, as a JPEG-compressed PDF. */
  public static byte[] scan(byte[] pdf) {
    return toPdf(paper(150, 1.0, 42, pdf), 0.75f);
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

  /** A red seal of 42 mm over the unit's name, as the 公章 is put on the form. */
  static BufferedImage stamped(BufferedImage page, int dpi) {
    Graphics2D g = page.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(220, 30, 30, 170));
    int diameter = (int) (42 / 25.4 * dpi);
    int x = (int) (60 / 25.4 * dpi);
    int y = (int) (30 / 25.4 * dpi);
    g.setStroke(new BasicStroke(dpi / 40f));
    g.drawOval(x, y, diameter, diameter);
    g.fillPolygon(star(x + diameter / 2, y + diameter / 2, diameter / 6));
    g.dispose();
    return page;
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
