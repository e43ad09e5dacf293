package cn.henan.skills.subdivision;

import cn.henan.skills.quota.Quota;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One school's row of a city's subdivision; its unit code is set when the subdivision is published. */
@Entity
@Table(name = "school_quota")
@IdClass(SchoolQuotaDraft.Key.class)
class SchoolQuotaDraft {
  @Id
  private Integer year;
  @Id
  @Column(name = "city_code")
  private String cityCode;
  @Id
  @Column(name = "source_row")
  private Integer sourceRow;
  @Column(name = "school_name", nullable = false)
  private String schoolName;
  @Column(name = "unit_code")
  private String unitCode;
  private int training;
  private int certification;
  private Integer advanced;
  @Column(name = "one_plus_x")
  private Integer onePlusX;
  @Column(name = "advanced_reason")
  private String advancedReason;

  protected SchoolQuotaDraft() {
  }

  SchoolQuotaDraft(int year, String cityCode, SchoolQuotaLine line) {
    this.year = year;
    this.cityCode = cityCode;
    this.sourceRow = line.row();
    this.schoolName = line.schoolName();
    this.training = line.training();
    this.certification = line.certification();
    this.advanced = line.advanced();
    this.onePlusX = line.onePlusX();
    this.advancedReason = line.advancedReason();
  }

  String getSchoolName() {
    return schoolName;
  }

  void assignUnit(String unitCode) {
    this.unitCode = unitCode;
  }

  Quota toQuota() {
    return new Quota(training, certification, advanced, onePlusX);
  }

  static class Key implements Serializable {
    private Integer year;
    private String cityCode;
    private Integer sourceRow;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(cityCode, k.cityCode)
          && Objects.equals(sourceRow, k.sourceRow);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, cityCode, sourceRow);
    }
  }
}
