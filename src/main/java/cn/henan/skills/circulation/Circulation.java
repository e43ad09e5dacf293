package cn.henan.skills.circulation;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A published circulated notice of a month. */
@Entity
@Table(name = "circulation")
class Circulation {
  @Id
  @Column(name = "month_key")
  private String monthKey;
  @Column(nullable = false)
  private String title;
  @Column(nullable = false)
  private String body;
  @Column(name = "named_units", nullable = false)
  private String namedUnits;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] pdf;
  @Column(nullable = false)
  private String sha256;
  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  protected Circulation() {
  }

  Circulation(String monthKey, String title, String body, List<String> namedUnits, byte[] pdf, String sha256,
      Instant publishedAt) {
    this.monthKey = monthKey;
    this.title = title;
    this.body = body;
    this.namedUnits = String.join(",", namedUnits);
    this.pdf = pdf;
    this.sha256 = sha256;
    this.publishedAt = publishedAt;
  }

  String getMonthKey() {
    return monthKey;
  }

  String getTitle() {
    return title;
  }

  List<String> namedUnits() {
    return namedUnits.isBlank() ? List.of() : List.of(namedUnits.split(","));
  }

  byte[] getPdf() {
    return pdf;
  }

  String getSha256() {
    return sha256;
  }

  Instant getPublishedAt() {
    return publishedAt;
  }
}
