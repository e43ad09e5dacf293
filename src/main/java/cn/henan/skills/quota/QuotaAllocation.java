package cn.henan.skills.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One unit's quota for one year. Null advanced or 1+X means the table sets no requirement (——), not zero. */
@Entity
@Table(name = "quota_allocation")
@IdClass(QuotaAllocation.Key.class)
public class QuotaAllocation {
  @Id
  private Integer year;
  @Id
  @Column(name = "unit_code")
  private String unitCode;
  @Column(name = "source_row", nullable = false)
  private int sourceRow;
  @Column(nullable = false)
  private int training;
  @Column(nullable = false)
  private int certification;
  private Integer advanced;
  @Column(name = "one_plus_x")
  private Integer onePlusX;
  @Column(name = "received_at")
  private Instant receivedAt;
  @Column(name = "received_by")
  private String receivedBy;

  protected QuotaAllocation() {
  }

  QuotaAllocation(int year, String unitCode, int sourceRow, Quota quota) {
    this.year = year;
    this.unitCode = unitCode;
    this.sourceRow = sourceRow;
    this.training = quota.training();
    this.certification = quota.certification();
    this.advanced = quota.advanced();
    this.onePlusX = quota.onePlusX();
  }

  public Quota toQuota() {
    return new Quota(training, certification, advanced, onePlusX);
  }

  public int getYear() {
    return year;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public int getTraining() {
    return training;
  }

  public int getCertification() {
    return certification;
  }

  public Integer getAdvanced() {
    return advanced;
  }

  public Integer getOnePlusX() {
    return onePlusX;
  }

  /** When the unit received its annual task in Tasklist; null while it has not. */
  public Instant getReceivedAt() {
    return receivedAt;
  }

  /** The first receipt counts; completing the task again (a second tab) changes nothing. */
  void received(Instant at, String userId) {
    if (receivedAt == null) {
      receivedAt = at;
      receivedBy = userId;
    }
  }

  int getSourceRow() {
    return sourceRow;
  }

  static class Key implements Serializable {
    private Integer year;
    private String unitCode;

    protected Key() {
    }

    Key(int year, String unitCode) {
      this.year = year;
      this.unitCode = unitCode;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(unitCode, k.unitCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, unitCode);
    }
  }
}
