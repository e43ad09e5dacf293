package cn.henan.skills.pdf;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;

/**
 * Timings and sizes for the note; not a test. {@code mvn -B -o -Pbench-pdf test-compile exec:java}
 *
 * <p>Times are wall-clock on whatever else the machine is doing; each is the median of several warm runs.
 */
public class PdfBenchmark {
  private static final double MB = 1024.0 * 1024.0;

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("verify")) {
      verifyInThisJvm(Path.of(args[1]), args[2]);
      return;
    }
    System.out.printf(Locale.ROOT, "cpus %d, max heap %.0f MB, java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / MB, System.getProperty("java.version"));
    firstUse();
    reportPdf();
    noticePdf();
    threePageScan();
    largeScan();
  }

  private static void firstUse() {
    long start = System.nanoTime();
    Samples.REPORT_PDF.render(Samples.report());
    System.out.printf(Locale.ROOT, "first report PDF in this JVM (reads and parses the font): %.0f ms%n",
        ms(System.nanoTime() - start));
  }

  private static void reportPdf() {
    ReportPdfData data = Samples.report();
    var timing = time(50, 300, () -> Samples.REPORT_PDF.render(data));
    System.out.printf(Locale.ROOT, "report PDF, warm: median %.1f ms, p90 %.1f ms; size %.1f KB%n", timing.median,
        timing.p90, timing.result.length / 1024.0);
  }

  private static void noticePdf() throws Exception {
    NoticePdfData data = Samples.notice();
    var timing = time(5, 20, () -> Samples.NOTICE_PDF.render(data));
    try (var document = Loader.loadPDF(timing.result)) {
      System.out.printf(Locale.ROOT, "notice PDF, %d units: median %.0f ms, p90 %.0f ms; size %.1f KB, %d pages%n",
          data.rows().size(), timing.median, timing.p90, timing.result.length / 1024.0,
          document.getNumberOfPages());
    }
  }

  /** The report on the last of three pages, so that every page is rendered and searched. */
  private static void threePageScan() {
    byte[] report = Samples.REPORT_PDF.render(Samples.report());
    byte[] notice = Samples.NOTICE_PDF.render(Samples.notice());
    List<BufferedImage> pages = new ArrayList<>(Scans.paper(150, 0.8, 1, notice).subList(0, 2));
    pages.addAll(Scans.paper(150, -1.2, 2, report));
    byte[] scan = Scans.toPdf(pages, 0.75f);
    ReportIdentity expected = ReportIdentity.of(Samples.report());
    var passed = time(3, 10, () -> Samples.VERIFIER.verify(scan, expected));
    System.out.printf(Locale.ROOT, "verify 3-page 150 dpi scan (%.0f KB), QR on page 3: median %.0f ms, p90 %.0f ms"
        + " -> %s%n", scan.length / 1024.0, passed.median, passed.p90, passed.result.reason());

    byte[] noQr = Scans.toPdf(Scans.paper(150, 0.8, 3, notice).subList(0, 3), 0.75f);
    var refused = time(1, 5, () -> Samples.VERIFIER.verify(noQr, expected));
    System.out.printf(Locale.ROOT, "verify 3-page 150 dpi scan without QR (all pages, four turns each): median %.0f ms"
        + " -> %s%n", refused.median, refused.result.reason());
  }

  /** A 300 dpi colour scan just under the 10 MB limit: what a unit's office scanner makes at its finest. */
  private static void largeScan() throws Exception {
    byte[] scan = tenMegabyteScan();
    ReportIdentity expected = ReportIdentity.of(Samples.report());
    int pages;
    try (var document = Loader.loadPDF(scan)) {
      pages = document.getNumberOfPages();
    }
    Samples.VERIFIER.verify(scan, expected); // warm

    System.gc();
    long before = heapUsed();
    pools().forEach(MemoryPoolMXBean::resetPeakUsage);
    AtomicLong sampledPeak = new AtomicLong(before);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        sampledPeak.accumulateAndGet(heapUsed(), Math::max);
        LockSupport.parkNanos(200_000);
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    ScanCheck check = Samples.VERIFIER.verify(scan, expected);
    long elapsed = System.nanoTime() - start;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    running.set(false);
    sampler.join();
    long poolPeaks = pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "verify %.1f MB scan, %d pages at 300 dpi, QR on the last: %.0f ms -> %s%n",
        scan.length / MB, pages,
        ms(elapsed), check.reason());
    System.out.printf(Locale.ROOT, "  heap before %.0f MB (scan bytes included); sampled peak %.0f MB (+%.0f MB); "
        + "sum of pool peaks %.0f MB; allocated by the check %.0f MB%n", before / MB, sampledPeak.get() / MB,
        (sampledPeak.get() - before) / MB, poolPeaks / MB, allocated / MB);
    smallestHeap(scan, expected);
  }

  private static byte[] tenMegabyteScan() {
    byte[] report = Samples.REPORT_PDF.render(Samples.report());
    byte[] notice = Samples.NOTICE_PDF.render(Samples.notice());
    // the report last, so that every page is decoded and searched
    List<BufferedImage> pages = new ArrayList<>(Scans.paper(300, 0.6, 6, notice).subList(0, 2));
    pages.addAll(Scans.paper(300, 0.6, 5, report));
    byte[] best = null;
    for (float quality = 0.95f; quality > 0.3f; quality -= 0.05f) {
      byte[] scan = Scans.toPdf(pages, quality);
      if (scan.length <= ScanVerifier.MAX_BYTES) {
        best = scan;
        break;
      }
    }
    return best;
  }

  /** Runs the check in fresh JVMs with ever larger heaps: the smallest that suffices bounds the live peak. */
  private static void smallestHeap(byte[] scan, ReportIdentity expected) throws Exception {
    if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
      return;
    }
    String classpath = Arrays.stream(loader.getURLs()).map(url -> {
      try {
        return new File(url.toURI()).getPath();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.joining(File.pathSeparator));
    Path file = Files.createTempFile("scan-10mb", ".pdf");
    try {
      Files.write(file, scan);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (int mb : new int[] {32, 48, 64, 80, 96, 128, 192, 256}) {
        Process process = new ProcessBuilder(java, "-Xmx" + mb + "m", "-cp", classpath,
            PdfBenchmark.class.getName(), "verify", file.toString(), expected.toQrPayload())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() == 0) {
          System.out.printf(Locale.ROOT, "  smallest -Xmx of 32/48/64/80/96/128/192/256 MB that verifies it in a fresh "
              + "JVM: %d MB (%s)%n", mb, output.lines().reduce((a, b) -> b).orElse(""));
          return;
        }
      }
      System.out.println("  did not verify with -Xmx256m");
    } finally {
      Files.delete(file);
    }
  }

  private static void verifyInThisJvm(Path file, String payload) throws Exception {
    ScanCheck check = new ScanVerifier().verify(Files.readAllBytes(file), ReportIdentity.parse(payload));
    System.out.println(check.reason());
    System.exit(check.passed() ? 0 : 1);
  }

  private static List<MemoryPoolMXBean> pools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private record Timing<T>(double median, double p90, T result) {
  }

  private static <T> Timing<T> time(int warmup, int runs, Supplier<T> work) {
    for (int i = 0; i < warmup; i++) {
      work.get();
    }
    double[] times = new double[runs];
    T result = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = work.get();
      times[i] = ms(System.nanoTime() - start);
    }
    Arrays.sort(times);
    return new Timing<>(times[runs / 2], times[(int) Math.ceil(runs * 0.9) - 1], result);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
