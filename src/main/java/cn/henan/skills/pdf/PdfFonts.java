package cn.henan.skills.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of every generated PDF: Noto Sans SC, which the build puts on the classpath (pom.xml, execution
 * {@code cjk-font}), so no OS font is needed. Each document embeds a subset of it.
 *
 * <p>Parsing the 10 MB font costs about half a second, so the file is read once per process and parsed fonts are
 * reused. A {@link TrueTypeFont} reads its tables lazily through one shared cursor and is not thread-safe: a
 * document borrows one for its whole life (the subset is cut when it is saved) and gives it back afterwards.
 */
@Component
public class PdfFonts {
  static final String RESOURCE = "fonts/NotoSansSC-Regular.ttf";

  /** Process-wide, not per Spring context: tests start several contexts, and the font never changes. */
  private static final class Shared {
    static final byte[] BYTES = read();
    /** Parsed copies kept for reuse; more are parsed only while more documents are built at the same time. */
    static final ConcurrentLinkedQueue<TrueTypeFont> IDLE = new ConcurrentLinkedQueue<>();
    static final AtomicInteger IDLE_COUNT = new AtomicInteger();
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static byte[] read() {
      try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath: the Maven build fetches it with npm "
              + "(generate-resources, execution cjk-font); run mvn generate-resources");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /** A parsed font lent to one document; close it after the document has been saved. */
  public static final class Lease implements AutoCloseable {
    private TrueTypeFont ttf;

    private Lease(TrueTypeFont ttf) {
      this.ttf = ttf;
    }

    /** Adds the font to the document as an embedded subset (only the glyphs the document shows). */
    CjkFont embedIn(PDDocument document) {
      try {
        return new CjkFont(PDType0Font.load(document, ttf, true), ttf.getUnicodeCmapLookup());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot embed " + RESOURCE, e);
      }
    }

    @Override
    public void close() {
      if (ttf == null) {
        return;
      }
      if (Shared.IDLE_COUNT.incrementAndGet() <= Shared.MAX_IDLE) {
        Shared.IDLE.offer(ttf);
      } else {
        Shared.IDLE_COUNT.decrementAndGet();
        closeQuietly(ttf);
      }
      ttf = null;
    }
  }

  /** The first PDF after a start should not wait for the font: one is read and parsed in the background. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread warmUp = new Thread(() -> lease().close(), "pdf-font-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  public Lease lease() {
    TrueTypeFont idle = Shared.IDLE.poll();
    if (idle != null) {
      Shared.IDLE_COUNT.decrementAndGet();
      return new Lease(idle);
    }
    return new Lease(parse());
  }

  private static TrueTypeFont parse() {
    try {
      // the buffer wraps the shared bytes without copying them; each parsed font has its own cursor
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(Shared.BYTES));
      // no ligatures: PDFBox would set —— as the single glyph ⸺, and text copied from the PDF would differ
      ttf.setEnableGsub(false);
      return ttf;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + RESOURCE, e);
    }
  }

  private static void closeQuietly(TrueTypeFont ttf) {
    try {
      ttf.close();
    } catch (IOException ignored) {
      // nothing was written; the bytes stay shared
    }
  }
}
