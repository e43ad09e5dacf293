package cn.henan.skills.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The PDF of an application (the latest upload), kept beside the institution so that the register stays light. */
@Entity
@Table(name = "evaluation_institution_document")
class InstitutionDocument {
  @Id
  @Column(name = "institution_id")
  private Long institutionId;
  @Column(name = "file_name", nullable = false)
  private String fileName;
  @Column(nullable = false)
  private byte[] content;
  @Column(nullable = false)
  private String sha256;
  @Column(nullable = false)
  private int pages;
  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected InstitutionDocument() {
  }

  InstitutionDocument(Long institutionId) {
    this.institutionId = institutionId;
  }

  void replace(String fileName, byte[] content, String sha256, int pages, Instant at) {
    this.fileName = fileName;
    this.content = content;
    this.sha256 = sha256;
    this.pages = pages;
    this.uploadedAt = at;
  }

  String getFileName() {
    return fileName;
  }

  byte[] getContent() {
    return content;
  }

  int getPages() {
    return pages;
  }
}
