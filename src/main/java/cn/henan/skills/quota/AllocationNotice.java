package cn.henan.skills.quota;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The notice that goes out with a published allocation, and its PDF with Attachment 1. */
@Entity
@Table(name = "allocation_notice")
class AllocationNotice {
  @Id
  private Integer year;
  @Column(nullable = false)
  private String title;
  @Column(name = "document_number", nullable = false)
  private String documentNumber;
  @Column(nullable = false)
  private String body;
  @Column(name = "issued_on", nullable = false)
  private LocalDate issuedOn;
  @Basic(fetch = FetchType.LAZY)
  private byte[] pdf;
  private String sha256;

  protected AllocationNotice() {
  }

  AllocationNotice(int year, NoticeText text, LocalDate issuedOn, byte[] pdf, String sha256) {
    this.year = year;
    this.title = text.title();
    this.documentNumber = text.documentNumber();
    this.body = text.body();
    this.issuedOn = issuedOn;
    this.pdf = pdf;
    this.sha256 = sha256;
  }

  byte[] getPdf() {
    return pdf;
  }

  String getSha256() {
    return sha256;
  }

  String getTitle() {
    return title;
  }
}
