package cn.henan.skills.report;

import cn.henan.skills.rules.DecisionTables;
import cn.henan.skills.rules.RuleDecisions;
import cn.henan.skills.unit.UnitKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The notice's certificate-level policy, as the decision table {@code certificate-level-policy} says for a unit's
 * kind, its advanced certificates and their share of its certificates: a warning the filer confirms when filing
 * (asked on the month's figures), and the findings of the month's evaluation (asked on the cumulative figures, which
 * list warnings and findings alike).
 */
@Component
public class CertificateLevelPolicy {
  private record Verdict(String level, String text) {
  }

  private final DecisionTables tables;

  public CertificateLevelPolicy(DecisionTables tables) {
    this.tables = tables;
  }

  /** What the filer must confirm about this month's figures, if anything. */
  public Optional<String> filingWarning(UnitKind kind, Figures month) {
    Verdict verdict = ask(kind, month.advanced(), share(month));
    return RuleDecisions.WARNING.equals(verdict.level()) ? Optional.of(fill(verdict, month)) : Optional.empty();
  }

  /** For one evaluation: units with the same kind, advanced count and share are asked about once. */
  public Evaluated forEvaluation() {
    return new Evaluated();
  }

  public final class Evaluated {
    private final Map<List<Object>, Verdict> asked = new HashMap<>();

    private Evaluated() {
    }

    /** The finding on a unit's cumulative figures, or empty. */
    public Optional<String> finding(UnitKind kind, Figures cumulative) {
      BigDecimal share = share(cumulative);
      Verdict verdict = asked.computeIfAbsent(Arrays.asList(kind, cumulative.advanced(), share),
          k -> ask(kind, cumulative.advanced(), share));
      return RuleDecisions.NONE.equals(verdict.level()) ? Optional.empty() : Optional.of(fill(verdict, cumulative));
    }
  }

  private Verdict ask(UnitKind kind, long advanced, BigDecimal share) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(RuleDecisions.UNIT_KIND, kind.code());
    inputs.put(RuleDecisions.ADVANCED_COUNT, advanced);
    inputs.put(RuleDecisions.ADVANCED_SHARE_PERCENT, share);
    Map<String, Object> row = tables.single(RuleDecisions.CERTIFICATE_LEVEL_POLICY, inputs);
    Object level = row.get(RuleDecisions.LEVEL);
    if (!List.of(RuleDecisions.NONE, RuleDecisions.WARNING, RuleDecisions.FINDING).contains(level)) {
      throw new IllegalStateException("规则表" + DecisionTables.name(RuleDecisions.CERTIFICATE_LEVEL_POLICY)
          + "给出的结论“" + level + "”无法识别，只能是 none、warning 或 finding。");
    }
    Object text = row.get(RuleDecisions.TEXT);
    return new Verdict((String) level, text == null ? "" : text.toString());
  }

  /** The advanced share of the certificates in percent, one decimal; none without certificates. */
  private static BigDecimal share(Figures figures) {
    return figures.certification() == 0 ? null
        : Rates.percent(figures.advanced(), Math.toIntExact(figures.certification()));
  }

  private static String fill(Verdict verdict, Figures figures) {
    return verdict.text().replace(RuleDecisions.ADVANCED_PLACEHOLDER, String.valueOf(figures.advanced()))
        .replace(RuleDecisions.CERTIFIED_PLACEHOLDER, String.valueOf(figures.certification()))
        .replace(RuleDecisions.SHARE_PLACEHOLDER, Rates.format(share(figures)));
  }
}
