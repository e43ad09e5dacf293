package cn.henan.skills.subdivision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A city's split of its year's quota over its schools: a validated draft until the bureau's leader approves. */
@Entity
@Table(name = "subdivision")
@IdClass(Subdivision.Key.class)
class Subdivision {
  enum Status { DRAFT, PUBLISHED }

  @Id
  private Integer year;
  @Id
  @Column(name = "city_code")
  private String cityCode;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "source_name", nullable = false)
  private String sourceName;
  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;
  @Column(name = "published_at")
  private Instant publishedAt;

  protected Subdivision() {
  }

  Subdivision(int year, String cityCode) {
    this.year = year;
    this.cityCode = cityCode;
    this.status = Status.DRAFT;
  }

  void replaceDraft(String sourceName, Instant at) {
    this.sourceName = sourceName;
    this.importedAt = at;
  }

  void publish(Instant at) {
    this.status = Status.PUBLISHED;
    this.publishedAt = at;
  }

  boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  static class Key implements Serializable {
    private Integer year;
    private String cityCode;

    protected Key() {
    }

    Key(int year, String cityCode) {
      this.year = year;
      this.cityCode = cityCode;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(cityCode, k.cityCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, cityCode);
    }
  }
}
