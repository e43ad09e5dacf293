package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.pdf.ScanCheck.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How well the official seal is found on scans of the generated report: scanned at 150 and 300 dpi, askew by up to
 * three degrees or upside down, with a seal of 38–45 mm on the 填报单位（公章） line (full or light ink, over the
 * unit's name or beside it), and without one — nothing red, or red that is not the unit's seal: a small name seal,
 * a square stamp of the seal's size, red pen, the seal stamped at the foot of the page. Each sample goes through the
 * whole check, as an upload does. Prints the figures for the README.
 */
class SealDetectionTest {
  private static final ReportPdfData REPORT = Samples.report();
  private static final ReportIdentity SIGNED = ReportIdentity.of(REPORT);
  private static final byte[] PDF = Samples.REPORT_PDF.render(REPORT);
  private static final int[] DPI = {150, 300};
  private static final double[] DEGREES = {-2.8, -1.1, 0.4, 1.6, 3.0, 180.6};

  private record Sample(String name, Scans.Stamp stamp) {
  }

  private static final List<Sample> SEALED = List.of(
      new Sample("42 mm over the unit's name", Scans.OFFICIAL_SEAL),
      new Sample("38 mm, light ink, left of the name", Scans.seal(38, 45, 55, 110)),
      new Sample("45 mm, right, half over the table", Scans.seal(45, 120, 62, 200)));
  private static final List<Sample> UNSEALED = List.of(
      new Sample("nothing stamped", Scans.NO_STAMP),
      new Sample("an 18 mm name seal and red pen", Scans.both(Scans.nameSeal(90, 52), Scans.redPen(60, 58, 80))),
      new Sample("a 40 mm square stamp", Scans.squareStamp(40, 90, 50)),
      new Sample("the seal at the foot of the page", Scans.seal(42, 60, 265, 170)));

  @Test
  void theSealIsFoundOnScansThatCarryItAndNotOnThoseThatDoNot() {
    List<String> misses = new ArrayList<>();
    List<String> falseFinds = new ArrayList<>();
    int sealed = 0;
    int unsealed = 0;
    long seed = 1;
    long checking = 0;
    for (int dpi : DPI) {
      for (double degrees : DEGREES) {
        for (Sample sample : SEALED) {
          byte[] scan = Scans.scan(PDF, dpi, degrees, seed++, sample.stamp());
          long t = System.nanoTime();
          ScanCheck check = Samples.VERIFIER.verify(scan, SIGNED);
          checking += System.nanoTime() - t;
          assertThat(check.payload()).as("QR code read on %s", describe(sample, dpi, degrees)).isNotNull();
          sealed++;
          if (check.reason() != Reason.PASSED) {
            misses.add(describe(sample, dpi, degrees));
          } else {
            assertThat(check.seal().diameterMm()).as(describe(sample, dpi, degrees)).isBetween(34.0, 50.0);
          }
        }
        for (Sample sample : UNSEALED) {
          byte[] scan = Scans.scan(PDF, dpi, degrees, seed++, sample.stamp());
          long t = System.nanoTime();
          ScanCheck check = Samples.VERIFIER.verify(scan, SIGNED);
          checking += System.nanoTime() - t;
          assertThat(check.payload()).as("QR code read on %s", describe(sample, dpi, degrees)).isNotNull();
          unsealed++;
          if (check.reason() != Reason.NO_SEAL) {
            falseFinds.add(describe(sample, dpi, degrees) + " → " + check.reason());
          }
        }
      }
    }
    double found = 100.0 * (sealed - misses.size()) / sealed;
    double falseRate = 100.0 * falseFinds.size() / unsealed;
    System.out.printf(Locale.ROOT, "seal detection: %d samples (%d with a seal, %d without; 150 and 300 dpi; turned"
        + " %s degrees), the whole check %.0f ms a scan on average%n  found with a seal: %.1f %% (%d/%d)%s%n  found without one: %.1f %% (%d/%d)%s%n",
        sealed + unsealed, sealed, unsealed, java.util.Arrays.toString(DEGREES), checking / 1e6 / (sealed + unsealed),
        found, sealed - misses.size(), sealed, misses.isEmpty() ? "" : ", missed: " + misses, falseRate,
        falseFinds.size(), unsealed, falseFinds.isEmpty() ? "" : ": " + falseFinds);
    assertThat(sealed + unsealed).isGreaterThanOrEqualTo(40);
    assertThat(found).as("missed: %s", misses).isGreaterThanOrEqualTo(95);
    assertThat(falseRate).as("false finds: %s", falseFinds).isLessThanOrEqualTo(5);
  }

  private static String describe(Sample sample, int dpi, double degrees) {
    return String.format(Locale.ROOT, "%s at %d dpi turned %.1f°", sample.name(), dpi, degrees);
  }
}
