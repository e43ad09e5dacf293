package cn.henan.skills.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A unit's name from a year on; the unit keeps its code (and its history) through a rename. */
@Entity
@Table(name = "unit_name")
@IdClass(UnitName.Key.class)
class UnitName {
  @Id
  private String code;
  @Id
  @Column(name = "from_year")
  private Integer fromYear;
  @Column(nullable = false)
  private String name;

  protected UnitName() {
  }

  UnitName(String code, int fromYear, String name) {
    this.code = code;
    this.fromYear = fromYear;
    this.name = name;
  }

  String getCode() {
    return code;
  }

  int getFromYear() {
    return fromYear;
  }

  String getName() {
    return name;
  }

  static class Key implements Serializable {
    private String code;
    private Integer fromYear;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(code, k.code) && Objects.equals(fromYear, k.fromYear);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, fromYear);
    }
  }
}
