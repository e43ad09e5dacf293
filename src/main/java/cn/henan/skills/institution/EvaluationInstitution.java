package cn.henan.skills.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One application of a unit to file an evaluation institution, and the institution once filed: it counts in the
 * unit's monthly form from {@code filedAt} until {@code revokedAt}.
 */
@Entity
@Table(name = "evaluation_institution")
class EvaluationInstitution {
  enum Status {
    APPLIED("申请中"), RETURNED("已退回"), FILED("已备案"), REVOKED("已撤销"), WITHDRAWN("已撤回");

    final String chinese;

    Status(String chinese) {
      this.chinese = chinese;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;
  @Column(name = "unit_code", nullable = false)
  private String unitCode;
  @Column(nullable = false)
  private int seq;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InstitutionKind kind;
  @Column(nullable = false)
  private String name;
  @Column(nullable = false)
  private String scope;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "applied_at", nullable = false)
  private Instant appliedAt;
  @Column(name = "applied_by")
  private String appliedBy;
  @Column(name = "return_reason")
  private String returnReason;
  @Column(name = "returned_at")
  private Instant returnedAt;
  @Column(name = "filed_at")
  private Instant filedAt;
  @Column(name = "filed_by")
  private String filedBy;
  @Column(name = "revoke_reason")
  private String revokeReason;
  @Column(name = "revoked_at")
  private Instant revokedAt;
  @Column(name = "revoked_by")
  private String revokedBy;

  protected EvaluationInstitution() {
  }

  EvaluationInstitution(String businessKey, String unitCode, int seq, Application application, String user,
      Instant at) {
    this.businessKey = businessKey;
    this.unitCode = unitCode;
    this.seq = seq;
    this.status = Status.APPLIED;
    take(application, user, at);
  }

  /** What the unit applies for, first or again after a return. */
  record Application(InstitutionKind kind, String name, String scope) {
  }

  void resubmit(Application application, String user, Instant at) {
    require(Status.RETURNED, "修改后重新提交");
    status = Status.APPLIED;
    take(application, user, at);
  }

  void returnWith(String reason, Instant at) {
    require(Status.APPLIED, "退回");
    status = Status.RETURNED;
    returnReason = reason;
    returnedAt = at;
  }

  void withdraw() {
    require(Status.RETURNED, "撤回");
    status = Status.WITHDRAWN;
  }

  void file(String user, Instant at) {
    require(Status.APPLIED, "备案");
    status = Status.FILED;
    filedBy = user;
    filedAt = at;
  }

  void revoke(String reason, String user, Instant at) {
    require(Status.FILED, "撤销");
    status = Status.REVOKED;
    revokeReason = reason;
    revokedBy = user;
    revokedAt = at;
  }

  private void take(Application application, String user, Instant at) {
    kind = application.kind();
    name = application.name();
    scope = application.scope();
    appliedBy = user;
    appliedAt = at;
  }

  private void require(Status expected, String step) {
    if (status != expected) {
      throw new IllegalStateException("评价机构备案 " + businessKey + " 当前为“" + status.chinese + "”，不能" + step + "。");
    }
  }

  Long getId() {
    return id;
  }

  String getBusinessKey() {
    return businessKey;
  }

  String getUnitCode() {
    return unitCode;
  }

  InstitutionKind getKind() {
    return kind;
  }

  String getName() {
    return name;
  }

  String getScope() {
    return scope;
  }

  Status getStatus() {
    return status;
  }

  Instant getAppliedAt() {
    return appliedAt;
  }

  String getReturnReason() {
    return returnReason;
  }

  Instant getFiledAt() {
    return filedAt;
  }

  String getRevokeReason() {
    return revokeReason;
  }

  Instant getRevokedAt() {
    return revokedAt;
  }

  String getRevokedBy() {
    return revokedBy;
  }
}
