package cn.henan.skills.circulation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A named unit's 传阅 confirmation: it has read the notice and states its rectification measures. */
@Entity
@Table(name = "circulation_acknowledgement")
@IdClass(Acknowledgement.Key.class)
class Acknowledgement {
  @Id
  @Column(name = "month_key")
  private String monthKey;
  @Id
  @Column(name = "unit_code")
  private String unitCode;
  @Column(nullable = false)
  private String measures;
  @Column(name = "acknowledged_by")
  private String acknowledgedBy;
  @Column(name = "acknowledged_at", nullable = false)
  private Instant acknowledgedAt;

  protected Acknowledgement() {
  }

  Acknowledgement(String monthKey, String unitCode, String measures, String acknowledgedBy, Instant at) {
    this.monthKey = monthKey;
    this.unitCode = unitCode;
    this.measures = measures;
    this.acknowledgedBy = acknowledgedBy;
    this.acknowledgedAt = at;
  }

  String getUnitCode() {
    return unitCode;
  }

  String getMeasures() {
    return measures;
  }

  String getAcknowledgedBy() {
    return acknowledgedBy;
  }

  Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  static class Key implements Serializable {
    private String monthKey;
    private String unitCode;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(monthKey, k.monthKey) && Objects.equals(unitCode, k.unitCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(monthKey, unitCode);
    }
  }
}
