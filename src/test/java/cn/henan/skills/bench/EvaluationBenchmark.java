package cn.henan.skills.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.report.Evaluation;
import cn.henan.skills.report.Evaluation.AnnualTasks;
import cn.henan.skills.report.Evaluation.UnitInput;
import cn.henan.skills.report.Figures;
import cn.henan.skills.report.CertificateLevelPolicy;
import cn.henan.skills.report.EvaluationThresholds;
import cn.henan.skills.report.ReportPeriod;
import cn.henan.skills.rules.FileDecisionTables;
import cn.henan.skills.unit.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Times the evaluation without a database: 171 provincial units + 150 schools, and 20,000 synthetic units, with
 * random rates around the time progress; the rules are the decision tables of {@code bpmn/} run by the DMN engine
 * alone (the thresholds asked twice, the certificate policy once per distinct kind and figures, as in production). Run with {@code mvn -B -o test -Pbench -Dtest=EvaluationBenchmark}.
 */
class EvaluationBenchmark {
  static final ReportPeriod MAY = ReportPeriod.of(2040, 5);

  private static final FileDecisionTables TABLES = FileDecisionTables.shipped();

  /** New per evaluation, as each evaluation asks the tables anew. */
  private static Evaluation.Rules rules() {
    return Evaluation.Rules.of(MAY.year(), new EvaluationThresholds(TABLES), new CertificateLevelPolicy(TABLES));
  }

  @Test
  void evaluationTimes() {
    report("171 units + 150 schools", synthetic(171, 150, 1));
    report("20,000 synthetic units", synthetic(20_000 - 3_000, 3_000, 2));
  }

  private static void report(String label, List<UnitInput> units) {
    int rounds = units.size() > 1000 ? 5 : 50; // each round asks the decision tables anew
    for (int i = 0; i < rounds; i++) { // warm-up
      Evaluation.evaluate(MAY, units, rules());
    }
    long[] times = new long[rounds];
    Evaluation.Result result = null;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      result = Evaluation.evaluate(MAY, units, rules());
      times[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(times);
    assertThat(result.units()).hasSize(units.size());
    System.out.printf(Locale.ROOT, "evaluation of %s (%d): median %.2f ms, min %.2f ms, max %.2f ms;"
            + " slow %d, low %d, slow 1+X %d, low 1+X %d, missing %d, certificate findings %d%n",
        label, units.size(), times[rounds / 2] / 1e6, times[0] / 1e6, times[rounds - 1] / 1e6,
        result.slowUnits().size(), result.lowUnits().size(), result.slowOnePlusX().size(),
        result.lowOnePlusX().size(), result.missingUnits().size(), result.certificateFindings().size());
  }

  /** {@code provincial} units of every kind in the proportions of the 2022 table, and {@code schools} under cities. */
  static List<UnitInput> synthetic(int provincial, int schools, long seed) {
    Random random = new Random(seed);
    UnitKind[] kinds = {UnitKind.PREFECTURE_CITY, UnitKind.COUNTY_CITY, UnitKind.UNDERGRADUATE,
        UnitKind.VOCATIONAL_UNDERGRADUATE, UnitKind.HIGHER_VOCATIONAL, UnitKind.SECONDARY_VOCATIONAL};
    int[] weights = {17, 10, 30, 3, 80, 31};
    List<UnitInput> units = new ArrayList<>();
    List<String> cities = new ArrayList<>();
    for (int i = 0; i < provincial; i++) {
      int pick = i % 171;
      UnitKind kind = kinds[kinds.length - 1];
      for (int k = 0, sum = 0; k < kinds.length; k++) {
        sum += weights[k];
        if (pick < sum) {
          kind = kinds[k];
          break;
        }
      }
      String code = String.format("u%05d", i);
      if (kind.isBureau()) {
        cities.add(code);
      }
      units.add(unit(random, code, kind, null));
    }
    for (int i = 0; i < schools; i++) {
      String city = cities.get(i % cities.size());
      units.add(unit(random, city + "-s" + i, UnitKind.SECONDARY_VOCATIONAL, city));
    }
    return units;
  }

  private static UnitInput unit(Random random, String code, UnitKind kind, String city) {
    boolean higher = kind == UnitKind.HIGHER_VOCATIONAL || kind == UnitKind.VOCATIONAL_UNDERGRADUATE;
    int training = 500 + random.nextInt(5000);
    int certification = training * 4 / 5;
    Integer advanced = higher || kind == UnitKind.UNDERGRADUATE ? certification / 2 : null;
    int onePlusX = certification / 5;
    long doneCertification = (long) (certification * random.nextDouble() * 0.6);
    long doneAdvanced = advanced == null ? (random.nextInt(50) == 0 ? 1 : 0)
        : (long) (doneCertification * random.nextDouble());
    return new UnitInput(code, code, kind, city, new AnnualTasks(training, certification, advanced, onePlusX),
        new Figures((long) (training * random.nextDouble() * 0.6), doneCertification, doneAdvanced,
            (long) (onePlusX * random.nextDouble() * 0.6)),
        random.nextInt(20) != 0, random.nextInt(10) == 0);
  }
}
