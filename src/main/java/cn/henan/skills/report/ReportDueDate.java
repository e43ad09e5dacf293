package cn.henan.skills.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A month whose due date province-edu moved away from the notice's rule. */
@Entity
@Table(name = "report_due_date")
@IdClass(ReportDueDate.Key.class)
class ReportDueDate {
  @Id
  private Integer year;
  @Id
  private Integer month;
  @Column(name = "due_at", nullable = false)
  private Instant dueAt;
  private String reason;
  @Column(name = "set_by")
  private String setBy;
  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  protected ReportDueDate() {
  }

  ReportDueDate(ReportPeriod period) {
    this.year = period.year();
    this.month = period.month();
  }

  void move(Instant dueAt, String reason, String setBy, Instant setAt) {
    this.dueAt = dueAt;
    this.reason = reason;
    this.setBy = setBy;
    this.setAt = setAt;
  }

  Instant getDueAt() {
    return dueAt;
  }

  String getReason() {
    return reason;
  }

  static class Key implements Serializable {
    private Integer year;
    private Integer month;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(month, k.month);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, month);
    }
  }
}
