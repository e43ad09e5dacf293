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
import java.util.List;
import org.hibernate.annotations.NaturalId;

/** One unit's Attachment 2 for one month; its figures count only once {@link Status#ACCEPTED}. */
@Entity
@Table(name = "monthly_report")
public class MonthlyReport {
  public enum Status { OPEN, SUBMITTED, SIGNED, ACCEPTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** Looked up by natural id, so a command asking for the report again finds it in the persistence context. */
  @NaturalId
  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;
  @Column(nullable = false)
  private int year;
  @Column(nullable = false)
  private int month;
  @Column(name = "unit_code", nullable = false)
  private String unitCode;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(nullable = false)
  private int version;
  @Column(name = "institutions_college_level")
  private Integer institutionsCollegeLevel;
  @Column(name = "institutions_appraisal")
  private Integer institutionsAppraisal;
  @Column(name = "institutions_social")
  private Integer institutionsSocial;
  @Column(name = "institutions_special")
  private Integer institutionsSpecial;
  @Column(name = "filed_college_level")
  private Integer filedCollegeLevel;
  @Column(name = "filed_appraisal")
  private Integer filedAppraisal;
  @Column(name = "filed_social")
  private Integer filedSocial;
  @Column(name = "filed_special")
  private Integer filedSpecial;
  private Integer training;
  private Integer certification;
  private Integer advanced;
  @Column(name = "one_plus_x")
  private Integer onePlusX;
  @Column(name = "filer_name")
  private String filerName;
  @Column(name = "filer_phone")
  private String filerPhone;
  @Column(name = "submitted_at")
  private Instant submittedAt;
  @Column(name = "submitted_by")
  private String submittedBy;
  @Column(name = "signed_at")
  private Instant signedAt;
  @Column(name = "signed_by")
  private String signedBy;
  @Column(name = "signed_by_name")
  private String signedByName;
  @Column(name = "accepted_at")
  private Instant acceptedAt;
  @Column(nullable = false)
  private boolean late;

  protected MonthlyReport() {
  }

  MonthlyReport(ReportPeriod period, String unitCode) {
    this.businessKey = period.key() + "/" + unitCode;
    this.year = period.year();
    this.month = period.month();
    this.unitCode = unitCode;
    this.status = Status.OPEN;
  }

  /** @param filed the unit's institutions filed in this system at submission, per kind */
  void submit(MonthlyReportEntry entry, List<Integer> filed, String user, Instant at) {
    requireStatus(Status.OPEN);
    List<Integer> notFiled = entry.institutionsNotFiled();
    institutionsCollegeLevel = notFiled.get(0);
    institutionsAppraisal = notFiled.get(1);
    institutionsSocial = notFiled.get(2);
    institutionsSpecial = notFiled.get(3);
    filedCollegeLevel = filed.get(0);
    filedAppraisal = filed.get(1);
    filedSocial = filed.get(2);
    filedSpecial = filed.get(3);
    training = Math.toIntExact(entry.month().training());
    certification = Math.toIntExact(entry.month().certification());
    advanced = Math.toIntExact(entry.month().advanced());
    onePlusX = Math.toIntExact(entry.month().onePlusX());
    filerName = entry.filerName();
    filerPhone = entry.filerPhone();
    submittedAt = at;
    submittedBy = user;
    version++;
    status = Status.SUBMITTED;
  }

  /** Back to the filer (withdrawn, or returned at signature or review); the figures stay as a starting point. */
  void reopen() {
    status = Status.OPEN;
    signedAt = null;
    signedBy = null;
    signedByName = null;
  }

  void sign(String user, String userName, Instant at) {
    requireStatus(Status.SUBMITTED);
    signedBy = user;
    signedByName = userName;
    signedAt = at;
    status = Status.SIGNED;
  }

  void accept(Instant at) {
    requireStatus(Status.SIGNED);
    acceptedAt = at;
    status = Status.ACCEPTED;
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new IllegalStateException("月报 " + businessKey + " 当前状态为 " + status + "，不能执行此操作（应为 " + expected + "）。");
    }
  }

  /** Not filed by the due date; stays so when filed afterwards. */
  void markLate() {
    late = true;
  }

  public boolean isLate() {
    return late;
  }

  public Figures figures() {
    return training == null ? Figures.ZERO : new Figures(training, certification, advanced, onePlusX);
  }

  public Long getId() {
    return id;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public int getYear() {
    return year;
  }

  public int getMonth() {
    return month;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public Status getStatus() {
    return status;
  }

  public int getVersion() {
    return version;
  }

  /**
   * The first section: institutions filed here as counted at submission, and those the unit declared not filed here
   * ({@code institutions_*}; a report from before the filing existed has no filed counts, so all its counts are the
   * unit's own).
   */
  public InstitutionCounts institutions() {
    return new InstitutionCounts(
        List.of(zeroIfNull(filedCollegeLevel), zeroIfNull(filedAppraisal), zeroIfNull(filedSocial),
            zeroIfNull(filedSpecial)),
        List.of(zeroIfNull(institutionsCollegeLevel), zeroIfNull(institutionsAppraisal),
            zeroIfNull(institutionsSocial), zeroIfNull(institutionsSpecial)));
  }

  private static int zeroIfNull(Integer count) {
    return count == null ? 0 : count;
  }

  public String getFilerName() {
    return filerName;
  }

  public String getFilerPhone() {
    return filerPhone;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public String getSignedByName() {
    return signedByName;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }
}
