package cn.henan.skills.report;

import cn.henan.skills.rules.RuleDecisions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reviewer weighs before accepting a report (the batch review lists it): the unit, this month's and the
 * cumulative figures with their rates, and this month's flags. Each flag is the rule the rest of the system already
 * applies — the report's late mark, the evaluation's slow margin and certificate-level table (on the report's own
 * cumulative), the review form's 请注意核实 and the scan check's QR code and seal results — except the jump, which
 * compares this month with the unit's accepted earlier months of the year.
 */
@Service
@Transactional // not read-only: a decision table's first answer is recorded in the engine's history
public class ReportReview {
  /** A month above this many times the unit's average accepted month of the year has jumped … */
  static final int JUMP_FACTOR = 3;
  /** … when it is also at least this many above that average (2 → 7 people is no jump worth a look). */
  static final int JUMP_FLOOR = 100;

  public enum Flag {
    LATE("逾期"), SLOW("进度偏慢"), CERTIFICATE_LEVEL("证书等级"), FIGURES_NOTICE("请注意核实"),
    QR_NOT_VERIFIED("二维码未核验"), SEAL_NOT_FOUND("未检测到公章"), JUMP("数字突增");

    private final String label;

    Flag(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A flag with the sentence that explains it for this report. */
  public record Finding(Flag flag, String text) {
  }

  /**
   * A report as it stands for review: {@code rows} are Attachment 2's table (annual task, this month, cumulative with
   * this month, rate); {@code signedAt} tells a re-signed version apart from the one a page showed.
   */
  public record UnderReview(String businessKey, String unitCode, String unitName, ReportPeriod period, int version,
      MonthlyReport.Status status, Instant signedAt, List<ReportSheet.Row> rows, List<Finding> findings,
      String reportPdfUrl, String scanUrl) {
  }

  private final MonthlyReportRepository reports;
  private final MonthlyReportForms forms;
  private final ReportDocuments documents;
  private final MonthlyReportRules rules;
  private final EvaluationThresholds thresholds;
  private final CertificateLevelPolicy certificatePolicy;

  ReportReview(MonthlyReportRepository reports, MonthlyReportForms forms, ReportDocuments documents,
      MonthlyReportRules rules, EvaluationThresholds thresholds, CertificateLevelPolicy certificatePolicy) {
    this.reports = reports;
    this.forms = forms;
    this.documents = documents;
    this.rules = rules;
    this.thresholds = thresholds;
    this.certificatePolicy = certificatePolicy;
  }

  public Optional<UnderReview> of(String businessKey) {
    return reports.findByBusinessKey(businessKey).map(this::underReview);
  }

  private UnderReview underReview(MonthlyReport report) {
    ReportPeriod period = ReportPeriod.of(report.getYear(), report.getMonth());
    List<MonthlyReport> earlier = reports.acceptedThrough(period.year(), period.month() - 1,
        List.of(report.getUnitCode()));
    MonthlyReportForms.Context context = forms.context(period, report.getUnitCode());
    Figures cumulative = MonthlyReports.sum(earlier).plus(report.figures());
    ReportSheet sheet = ReportSheet.of(context.unit().getName(), period, context.quota(), MonthlyReports.sum(earlier),
        report.figures());
    List<Finding> findings = new ArrayList<>();
    if (report.isLate()) {
      findings.add(new Finding(Flag.LATE, period.chinese() + "月报逾期报送"));
    }
    if (period.month() >= 3) {
      BigDecimal time = Evaluation.timeProgress(period);
      for (ReportSheet.Row row : sheet.rows()) {
        EvaluationThresholds.Thresholds rule = thresholds.of(period.year(),
            row.indicator() == Indicator.ONE_PLUS_X ? RuleDecisions.ONE_PLUS_X : RuleDecisions.SKILLS);
        if (Evaluation.isSlow(row.rate(), time, rule)) {
          findings.add(new Finding(Flag.SLOW, Evaluation.slowFinding(row.indicator(), row.rate(), time, rule)));
        }
      }
    }
    certificatePolicy.forEvaluation().finding(context.unit().getKind(), cumulative)
        .ifPresent(text -> findings.add(new Finding(Flag.CERTIFICATE_LEVEL, text)));
    rules.plausibility(cumulative).forEach(text -> findings.add(new Finding(Flag.FIGURES_NOTICE, text)));
    ReportDocuments.Links links = documents.linksOfCurrentVersion(report.getBusinessKey());
    if (Boolean.FALSE.equals(links.qrVerified())) {
      findings.add(new Finding(Flag.QR_NOT_VERIFIED, links.scanNotice()));
    } else if (Boolean.FALSE.equals(links.sealFound())) {
      findings.add(new Finding(Flag.SEAL_NOT_FOUND, links.scanNotice()));
    }
    jumps(report.figures(), earlier).forEach(text -> findings.add(new Finding(Flag.JUMP, text)));
    return new UnderReview(report.getBusinessKey(), report.getUnitCode(), context.unit().getName(), period,
        report.getVersion(), report.getStatus(), report.getSignedAt(), sheet.rows(), List.copyOf(findings),
        links.reportPdfUrl(), links.scanUrl());
  }

  /** The indicators whose month is more than {@link #JUMP_FACTOR} times the earlier accepted months' average. */
  static List<String> jumps(Figures month, List<MonthlyReport> earlier) {
    if (earlier.isEmpty()) {
      return List.of();
    }
    Figures total = MonthlyReports.sum(earlier);
    List<String> jumps = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      double average = (double) total.get(indicator) / earlier.size();
      long done = month.get(indicator);
      if (done > JUMP_FACTOR * average && done - average >= JUMP_FLOOR) {
        jumps.add("本月" + indicator.chineseName() + " " + done + " " + indicator.measure() + "，是此前 "
            + earlier.size() + " 个月已通过月份平均数（" + Math.round(average) + "）的 " + JUMP_FACTOR + " 倍以上");
      }
    }
    return jumps;
  }
}
