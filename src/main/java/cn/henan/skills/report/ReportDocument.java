package cn.henan.skills.report;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A PDF kept with a report: the generated form of a signed version, or the stamped scan of it. */
@Entity
@Table(name = "report_document")
public class ReportDocument {
  public enum Kind { REPORT_PDF, STAMPED_SCAN }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "report_id", nullable = false)
  private Long reportId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;
  @Column(nullable = false)
  private int version;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;
  @Column(nullable = false)
  private String sha256;
  @Column(name = "file_name", nullable = false)
  private String fileName;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  @Column(name = "created_by")
  private String createdBy;
  @Column(name = "qr_payload")
  private String qrPayload;
  @Column(name = "qr_verified")
  private Boolean qrVerified;
  private String explanation;
  @Column(name = "seal_found")
  private Boolean sealFound;
  @Column(name = "seal_diameter_mm")
  private Integer sealDiameterMm;

  protected ReportDocument() {
  }

  ReportDocument(MonthlyReport report, Kind kind, byte[] content, String sha256, String fileName, Instant createdAt,
      String createdBy, String qrPayload, Boolean qrVerified, String explanation) {
    this.reportId = report.getId();
    this.kind = kind;
    this.version = report.getVersion();
    this.content = content;
    this.sha256 = sha256;
    this.fileName = fileName;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.qrPayload = qrPayload;
    this.qrVerified = qrVerified;
    this.explanation = explanation;
  }

  /** A stamped scan: whether the seal was recognised (null where it was not looked for), and its diameter. */
  ReportDocument withSeal(Boolean found, Integer diameterMm) {
    this.sealFound = found;
    this.sealDiameterMm = diameterMm;
    return this;
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public int getVersion() {
    return version;
  }

  public byte[] getContent() {
    return content;
  }

  public String getSha256() {
    return sha256;
  }

  public String getFileName() {
    return fileName;
  }

  public String getQrPayload() {
    return qrPayload;
  }

  public Boolean getQrVerified() {
    return qrVerified;
  }

  public String getExplanation() {
    return explanation;
  }

  public Boolean getSealFound() {
    return sealFound;
  }

  public Integer getSealDiameterMm() {
    return sealDiameterMm;
  }
}
