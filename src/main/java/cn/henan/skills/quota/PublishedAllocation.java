package cn.henan.skills.quota;

import cn.henan.skills.unit.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A published year's allocation with its totals (advanced and 1+X totals count only the units with a requirement). */
public record PublishedAllocation(int year, Instant publishedAt, List<UnitQuota> units) {

  public record UnitQuota(Unit unit, QuotaAllocation quota) {
  }

  public long totalTraining() {
    return units.stream().mapToLong(u -> u.quota().getTraining()).sum();
  }

  public long totalCertification() {
    return units.stream().mapToLong(u -> u.quota().getCertification()).sum();
  }

  public long totalAdvanced() {
    return units.stream().map(u -> u.quota().getAdvanced()).filter(Objects::nonNull).mapToLong(Integer::longValue)
        .sum();
  }

  public long totalOnePlusX() {
    return units.stream().map(u -> u.quota().getOnePlusX()).filter(Objects::nonNull).mapToLong(Integer::longValue)
        .sum();
  }
}
