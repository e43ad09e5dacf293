package cn.henan.skills.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit that receives a quota: a city or county bureau, a college, or (after a city's subdivision) a school under
 * a city. Its code ({@code u001}…, {@code u001-s01}…) is stable and names its Camunda groups; its name is the
 * current one — a year's lists name it as it was called that year ({@link UnitRegistry#allUnits(int)}).
 */
@Entity
@Table(name = "unit")
public class Unit {
  @Id
  private String code;
  @Column(nullable = false)
  private String name;
  @Column(nullable = false)
  private UnitKind kind;
  @Column(name = "parent_code")
  private String parentCode;
  @Column(nullable = false)
  private int seq;

  protected Unit() {
  }

  public Unit(String code, String name, UnitKind kind, String parentCode, int seq) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.seq = seq;
  }

  /** The same unit under the name it has in a given year (a view for that year's lists; never saved). */
  Unit named(String yearName) {
    return new Unit(code, yearName, kind, parentCode, seq);
  }

  /** The current name, after a rename from the latest year on. */
  void rename(String currentName) {
    this.name = currentName;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public UnitKind getKind() {
    return kind;
  }

  /** The supervising city bureau of a school, or null for a unit the province supervises directly. */
  public String getParentCode() {
    return parentCode;
  }

  public int getSeq() {
    return seq;
  }

  public String filerGroup() {
    return code + "-filer";
  }

  public String leaderGroup() {
    return code + "-leader";
  }

  @Override
  public String toString() {
    return code + " " + name;
  }
}
