package cn.henan.skills.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A step in a report's history; returns and withdrawals carry their reason. */
@Entity
@Table(name = "monthly_report_event")
public class MonthlyReportEvent {
  public enum Kind {
    SUBMITTED("提交"), WITHDRAWN("撤回"), RETURNED_AT_SIGN("组长退回"), SIGNED("组长签字"),
    RETURNED_AT_SKILLS_REVIEW("审核退回（培训取证）"), RETURNED_AT_ONE_PLUS_X_REVIEW("审核退回（1+X）"), ACCEPTED("审核通过"),
    REMINDED("截止前催办"), LATE("逾期未报"), URGED("督办");

    private final String chineseName;

    Kind(String chineseName) {
      this.chineseName = chineseName;
    }

    public String chineseName() {
      return chineseName;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "report_id", nullable = false)
  private Long reportId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;
  private String reason;
  private String actor;
  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;
  @Column(name = "report_version", nullable = false)
  private int reportVersion;

  protected MonthlyReportEvent() {
  }

  MonthlyReportEvent(MonthlyReport report, Kind kind, String reason, String actor, Instant occurredAt) {
    this.reportId = report.getId();
    this.kind = kind;
    this.reason = reason;
    this.actor = actor;
    this.occurredAt = occurredAt;
    this.reportVersion = report.getVersion();
  }

  public Long getReportId() {
    return reportId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getReason() {
    return reason;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public int getReportVersion() {
    return reportVersion;
  }
}
