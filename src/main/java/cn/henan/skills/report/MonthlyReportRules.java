package cn.henan.skills.report;

import cn.henan.skills.quota.Quota;
import cn.henan.skills.unit.UnitKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The checks on a submitted Attachment 2, in Chinese. Errors must be fixed; warnings (the certificate-level policy's,
 * e.g. for secondary schools, a month far beyond what is left of the annual task, more people certified than trained)
 * must be confirmed by the filer.
 */
@Component
public class MonthlyReportRules {
  /** A month above this many times the remaining annual task is probably a typing error. */
  static final int IMPLAUSIBLE_FACTOR = 3;
  /** The fill form's checkbox that confirms the warnings. */
  static final String CONFIRMATION = "数字无误，我已核实系统提示的情况";
  private static final Pattern PHONE = Pattern.compile("[0-9()（）\\- ]{7,20}");

  private final CertificateLevelPolicy certificatePolicy;

  MonthlyReportRules(CertificateLevelPolicy certificatePolicy) {
    this.certificatePolicy = certificatePolicy;
  }

  public record Field(String variable, String label) {
  }

  /**
   * Per kind of evaluation institution (in the order of {@code InstitutionKind}), the unit's own count of those not
   * (yet) filed in this system; the filed ones are counted, not typed.
   */
  static final List<Field> INSTITUTIONS = List.of(
      new Field("institutionsCollegeLevel", "未在本系统备案的院校类职业技能等级认定机构数"),
      new Field("institutionsAppraisal", "未在本系统备案的职业技能考核鉴定机构数"),
      new Field("institutionsSocial", "未在本系统备案的面向社会人员的职业技能等级评价机构数"),
      new Field("institutionsSpecial", "未在本系统备案的专项职业能力考核机构数"));
  static final List<Field> MONTH = List.of(
      new Field("trainingMonth", "本月培训（人次）"),
      new Field("certificationMonth", "本月取证（人）"),
      new Field("advancedMonth", "本月高级工及以上（人）"),
      new Field("onePlusXMonth", "本月 1+X 证书取证（人）"));

  public record Outcome(MonthlyReportEntry entry, List<String> errors, List<String> warnings) {
    public boolean hasErrors() {
      return !errors.isEmpty();
    }
  }

  /**
   * @param values          the form's values by variable name (numbers may arrive as Long, Integer, Double or text)
   * @param kind            the unit's kind (the certificate-level policy depends on it)
   * @param quota           the unit's annual task
   * @param acceptedBefore  the unit's accepted cumulative before this month
   */
  public Outcome check(Map<String, Object> values, UnitKind kind, Quota quota, Figures acceptedBefore) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long[] institutions = INSTITUTIONS.stream().mapToLong(f -> count(values, f, errors)).toArray();
    long[] month = MONTH.stream().mapToLong(f -> count(values, f, errors)).toArray();
    String filerName = text(values.get("filerName"));
    String filerPhone = text(values.get("filerPhone"));
    if (filerName.isEmpty()) {
      errors.add("「填报人」必须填写。");
    }
    if (filerPhone.isEmpty()) {
      errors.add("「联系电话」必须填写。");
    } else if (!PHONE.matcher(filerPhone).matches()) {
      errors.add("「联系电话」格式不正确（“" + filerPhone + "”），应为 7 至 20 位数字，可含区号连字符。");
    }
    if (!errors.isEmpty()) {
      return new Outcome(null, errors, warnings);
    }
    Figures thisMonth = new Figures(month[0], month[1], month[2], month[3]);
    Figures cumulative = acceptedBefore.plus(thisMonth);
    notAbove(errors, "本月", thisMonth, "");
    notAbove(errors, "累计", cumulative, "（此前已通过审核的累计数加本月数）");
    if (!errors.isEmpty()) {
      return new Outcome(null, errors, warnings);
    }
    warnings.addAll(plausibility(cumulative));
    certificatePolicy.filingWarning(kind, thisMonth).ifPresent(warnings::add);
    for (Indicator indicator : Indicator.values()) {
      Integer task = ReportSheet.annualTask(quota, indicator);
      if (task == null) {
        continue;
      }
      long remaining = Math.max(0, task - acceptedBefore.get(indicator));
      long done = thisMonth.get(indicator);
      if (done > 0 && done > remaining * IMPLAUSIBLE_FACTOR) {
        warnings.add("本月" + indicator.chineseName() + " " + done + " " + indicator.measure() + "，超过年度剩余任务（"
            + remaining + "）的 " + IMPLAUSIBLE_FACTOR + " 倍，请核实是否填错。");
      }
    }
    MonthlyReportEntry entry = new MonthlyReportEntry(java.util.Arrays.stream(institutions)
        .mapToObj(Math::toIntExact).toList(), thisMonth, filerName, filerPhone);
    return new Outcome(entry, errors, warnings);
  }

  /**
   * What looks wrong in a report's cumulative figures without being impossible, for the filer to confirm and for the
   * leader and the reviewers to see. More people certified than person-times trained: certificates normally follow
   * training, but a competition or a direct recognition certifies without it (and people trained last year certify
   * this year), so it is a warning, not a refusal.
   */
  public List<String> plausibility(Figures cumulative) {
    if (cumulative.certification() > cumulative.training()) {
      return List.of("累计取证人数（" + cumulative.certification() + " 人）超过累计培训人次（" + cumulative.training()
          + " 人次）：取证一般在培训之后，请核实培训和取证数字（通过技能竞赛、直接认定等方式未经本年度培训取证的，可确认提交）。");
    }
    return List.of();
  }

  private static void notAbove(List<String> errors, String when, Figures figures, String note) {
    if (figures.advanced() > figures.certification()) {
      errors.add(when + "高级工及以上（" + figures.advanced() + "）不能大于" + when + "取证人数（" + figures.certification()
          + "）" + note + "。");
    }
    if (figures.onePlusX() > figures.certification()) {
      errors.add(when + " 1+X 证书取证人数（" + figures.onePlusX() + "）不能大于" + when + "取证人数（"
          + figures.certification() + "）" + note + "。");
    }
  }

  private static long count(Map<String, Object> values, Field field, List<String> errors) {
    Object value = values.get(field.variable());
    String label = "「" + field.label() + "」";
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(label + "必须填写（没有请填 0）。");
      return 0;
    }
    BigDecimal number;
    try {
      String text = value instanceof Number n ? n.toString() : value.toString().trim();
      if (text.length() > 40) {
        // never parse or echo a long text: it is no count anyone types
        errors.add(label + "不是 0 到 10000000 之间的整数。");
        return 0;
      }
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      errors.add(label + "不是数字（“" + value + "”）。");
      return 0;
    }
    // digits before the point, in long arithmetic and before any expansion: 1e50000000 is 50 MB as plain text
    long integerDigits = (long) number.precision() - number.scale();
    if (number.signum() != 0 && (integerDigits > 9 || integerDigits < -9)) {
      errors.add(label + "不是 0 到 10000000 之间的整数。");
      return 0;
    }
    if (number.signum() < 0) {
      errors.add(label + "不能为负数（" + number.toPlainString() + "）。");
      return 0;
    }
    if (number.stripTrailingZeros().scale() > 0) {
      errors.add(label + "必须是整数（" + number.toPlainString() + "）。");
      return 0;
    }
    if (number.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
      errors.add(label + "超过上限 10000000（" + number.toPlainString() + "）。");
      return 0;
    }
    return number.longValueExact();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
