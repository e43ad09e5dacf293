package cn.henan.skills.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The state of one year's allocation: a validated draft waiting for approval, or published to the units. */
@Entity
@Table(name = "allocation_year")
class AllocationYear {
  enum Status { DRAFT, PUBLISHED }

  @Id
  private Integer year;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "source_name", nullable = false)
  private String sourceName;
  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;
  @Column(name = "published_at")
  private Instant publishedAt;
  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected AllocationYear() {
  }

  AllocationYear(int year) {
    this.year = year;
    this.status = Status.DRAFT;
  }

  void replaceDraft(String sourceName, Instant importedAt) {
    this.sourceName = sourceName;
    this.importedAt = importedAt;
  }

  void publish(Instant at, String processInstanceId) {
    this.status = Status.PUBLISHED;
    this.publishedAt = at;
    this.processInstanceId = processInstanceId;
  }

  int getYear() {
    return year;
  }

  boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  Instant getPublishedAt() {
    return publishedAt;
  }

  String getSourceName() {
    return sourceName;
  }
}
