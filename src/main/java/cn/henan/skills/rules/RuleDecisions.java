package cn.henan.skills.rules;

import java.util.List;
import java.util.Optional;

/**
 * The contract between the code and the decision tables in {@code bpmn/*.dmn}: which decisions it evaluates (by key,
 * latest version), the variables it passes (each table's input expressions read them by these names), the outputs it
 * reads (the output columns' {@code name}), and the values and placeholders it gives meaning to. A process
 * administrator may change every rule, row and text in Camunda Modeler; what is listed here must stay, or the code
 * can no longer ask the table its question.
 */
public final class RuleDecisions {
  private RuleDecisions() {
  }

  /** 审核分组: who reviews a monthly report. */
  public static final String REVIEWER_GROUPS = "reviewer-groups";
  /** 证书等级政策: whether a unit's certificate levels go against the notice. */
  public static final String CERTIFICATE_LEVEL_POLICY = "certificate-level-policy";
  /** 评价阈值: when a unit is slow or low in the month's evaluation. */
  public static final String EVALUATION_THRESHOLDS = "evaluation-thresholds";

  // inputs: the variables passed
  /** A {@code UnitKind} code: {@code prefecture_city} … {@code secondary_vocational}. */
  public static final String UNIT_KIND = "unitKind";
  /** {@link #PROVINCE} or {@link #CITY}. */
  public static final String SUPERVISING_LEVEL = "supervisingLevel";
  /** {@link #SKILLS} or {@link #ONE_PLUS_X}. */
  public static final String INDICATOR = "indicator";
  public static final String ADVANCED_COUNT = "advancedCount";
  /** Percent with one decimal, null when nobody was certified. */
  public static final String ADVANCED_SHARE_PERCENT = "advancedSharePercent";
  public static final String YEAR = "year";

  // outputs: the columns read
  /** Comma-separated group ids; {@link #SUPERVISING_CITY_FILERS} stands for the supervising city's filer group. */
  public static final String CANDIDATE_GROUPS = "candidateGroups";
  /** {@link #NONE}, {@link #WARNING} or {@link #FINDING}. */
  public static final String LEVEL = "level";
  public static final String TEXT = "text";
  public static final String SLOW_MARGIN_POINTS = "slowMarginPoints";
  public static final String LOW_SHARE_PERCENT = "lowSharePercent";
  public static final String LOW_LABEL = "lowLabel";

  // values
  public static final String PROVINCE = "province";
  public static final String CITY = "city";
  public static final String SKILLS = "skills";
  public static final String ONE_PLUS_X = "onePlusX";
  public static final String NONE = "none";
  /** Shown to the filer, who confirms it when filing, and listed in the month's evaluation. */
  public static final String WARNING = "warning";
  /** Listed in the month's evaluation only. */
  public static final String FINDING = "finding";

  // placeholders the code fills in
  public static final String SUPERVISING_CITY_FILERS = "{所属市填报组}";
  public static final String ADVANCED_PLACEHOLDER = "{高级工人数}";
  public static final String CERTIFIED_PLACEHOLDER = "{取证人数}";
  public static final String SHARE_PLACEHOLDER = "{占比}";

  /** One decision as the code relies on it. */
  public record Contract(String key, String name, List<String> inputs, List<String> outputs) {
  }

  private static final List<Contract> CONTRACTS = List.of(
      new Contract(REVIEWER_GROUPS, "审核分组", List.of(UNIT_KIND, SUPERVISING_LEVEL, INDICATOR),
          List.of(CANDIDATE_GROUPS)),
      new Contract(CERTIFICATE_LEVEL_POLICY, "证书等级政策", List.of(UNIT_KIND, ADVANCED_COUNT, ADVANCED_SHARE_PERCENT),
          List.of(LEVEL, TEXT)),
      new Contract(EVALUATION_THRESHOLDS, "评价阈值", List.of(YEAR, INDICATOR),
          List.of(SLOW_MARGIN_POINTS, LOW_SHARE_PERCENT, LOW_LABEL)));

  /** Every decision the code evaluates: key → the inputs it passes, the outputs it reads. */
  public static List<Contract> contracts() {
    return CONTRACTS;
  }

  public static Optional<Contract> of(String key) {
    return CONTRACTS.stream().filter(c -> c.key().equals(key)).findFirst();
  }
}
