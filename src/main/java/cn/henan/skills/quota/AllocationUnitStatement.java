package cn.henan.skills.quota;

import cn.henan.skills.unit.UnitKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a validated allocation table states about the registry (see {@link AllocationLine.Statement}), kept with the
 * year's draft and applied when the year is published: a rename, or a new unit with its quota (it has no code, so no
 * {@link QuotaAllocation} row, until then).
 */
@Entity
@Table(name = "allocation_unit_statement")
@IdClass(AllocationUnitStatement.Key.class)
class AllocationUnitStatement {
  @Id
  private Integer year;
  @Id
  @Column(name = "source_row")
  private Integer sourceRow;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AllocationLine.Statement statement;
  @Column(name = "unit_code")
  private String unitCode;
  @Column(nullable = false)
  private String name;
  @Column(nullable = false)
  private UnitKind kind;
  private Integer training;
  private Integer certification;
  private Integer advanced;
  @Column(name = "one_plus_x")
  private Integer onePlusX;

  protected AllocationUnitStatement() {
  }

  AllocationUnitStatement(int year, AllocationLine line) {
    this.year = year;
    this.sourceRow = line.row();
    this.statement = line.statement();
    this.unitCode = line.unitCode();
    this.name = line.unitName();
    this.kind = line.kind();
    if (line.statement() == AllocationLine.Statement.NEW_UNIT) {
      this.training = line.training();
      this.certification = line.certification();
      this.advanced = line.advanced();
      this.onePlusX = line.onePlusX();
    }
  }

  AllocationLine.Statement getStatement() {
    return statement;
  }

  int getSourceRow() {
    return sourceRow;
  }

  /** The renamed unit, or the code a new unit got on publication. */
  String getUnitCode() {
    return unitCode;
  }

  String getName() {
    return name;
  }

  UnitKind getKind() {
    return kind;
  }

  /** A new unit's quota. */
  Quota quota() {
    return new Quota(training, certification, advanced, onePlusX);
  }

  void registered(String code) {
    this.unitCode = code;
  }

  static class Key implements Serializable {
    private Integer year;
    private Integer sourceRow;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(sourceRow, k.sourceRow);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, sourceRow);
    }
  }
}
