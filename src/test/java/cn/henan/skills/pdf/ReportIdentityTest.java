package cn.henan.skills.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportIdentityTest {

  @Test
  void payloadIsCompactAndReadsBack() {
    ReportIdentity identity = ReportIdentity.of(Samples.report());

    assertThat(identity.toQrPayload()).matches("SKHN1\\|u030\\|2022-03\\|v3\\|[0-9a-f]{16}");
    assertThat(ReportIdentity.parse(identity.toQrPayload())).isEqualTo(identity);
    assertThat(ReportIdentity.parse(" " + identity.toQrPayload() + "\n")).isEqualTo(identity);
  }

  @Test
  void foreignOrDamagedPayloadsAreNotIdentities() {
    for (String text : List.of("", "https://example.org/", "SKHN2|u030|2022-03|v3|0123456789abcdef",
        "SKHN1|u030|2022-13|v3|0123456789abcdef", "SKHN1|u030|2022-03|v0|0123456789abcdef",
        "SKHN1|u030|2022-03|v3|0123456789abcde", "SKHN1|u 30|2022-03|v3|0123456789abcdef")) {
      assertThatThrownBy(() -> ReportIdentity.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void everyFigureChangesTheHash() {
    ReportPdfData base = Samples.report();
    String hash = ReportIdentity.figuresHash(base);
    List<ReportPdfData> changed = new ArrayList<>();
    changed.add(Samples.withVersion(base, 4));
    changed.add(copy(base, "u031", 2022, 3, base.institutions(), base.rows()));
    changed.add(copy(base, base.unitCode(), 2022, 4, base.institutions(), base.rows()));
    changed.add(copy(base, base.unitCode(), 2023, 3, base.institutions(), base.rows()));
    changed.add(copy(base, base.unitCode(), 2022, 3, new ReportPdfData.Institutions(2, 1, 3, 5), base.rows()));
    changed.add(copy(base, base.unitCode(), 2022, 3, new ReportPdfData.Institutions(1, 2, 3, 4), base.rows()));
    for (int row = 0; row < 4; row++) {
      ReportPdfData.Row r = base.rows().get(row);
      changed.add(withRow(base, row, new ReportPdfData.Row(r.annualTask() + 1, r.month(), r.cumulative(), r.rate())));
      changed.add(withRow(base, row, new ReportPdfData.Row(null, r.month(), r.cumulative(), r.rate())));
      changed.add(withRow(base, row, new ReportPdfData.Row(r.annualTask(), r.month() + 1, r.cumulative(), r.rate())));
      changed.add(withRow(base, row, new ReportPdfData.Row(r.annualTask(), r.month(), r.cumulative() + 1, r.rate())));
      changed.add(withRow(base, row,
          new ReportPdfData.Row(r.annualTask(), r.month(), r.cumulative(), r.rate().add(BigDecimal.ONE))));
      changed.add(withRow(base, row, new ReportPdfData.Row(r.annualTask(), r.month(), r.cumulative(), null)));
    }

    assertThat(changed).extracting(ReportIdentity::figuresHash).doesNotContain(hash).doesNotHaveDuplicates();
  }

  @Test
  void namesDatesAndTheScaleOfARateAreNotFigures() {
    ReportPdfData base = Samples.report();
    ReportPdfData.Row first = base.rows().get(0);
    ReportPdfData same = new ReportPdfData(base.unitCode(), "另一个名称", 2022, 3, 3, base.institutions(),
        List.of(new ReportPdfData.Row(first.annualTask(), first.month(), first.cumulative(), new BigDecimal("60.70")),
            base.rows().get(1), base.rows().get(2), base.rows().get(3)),
        "别人", base.signedAt().plusSeconds(3600), "别人", "110", base.filedAt().plusDays(1));

    assertThat(ReportIdentity.figuresHash(same)).isEqualTo(ReportIdentity.figuresHash(base));
  }

  private static ReportPdfData copy(ReportPdfData d, String unit, int year, int month,
      ReportPdfData.Institutions institutions, List<ReportPdfData.Row> rows) {
    return new ReportPdfData(unit, d.unitName(), year, month, d.version(), institutions, rows, d.leaderName(),
        d.signedAt(), d.filerName(), d.filerPhone(), d.filedAt());
  }

  private static ReportPdfData withRow(ReportPdfData d, int index, ReportPdfData.Row row) {
    List<ReportPdfData.Row> rows = new ArrayList<>(d.rows());
    rows.set(index, row);
    return copy(d, d.unitCode(), d.year(), d.month(), d.institutions(), rows);
  }
}
