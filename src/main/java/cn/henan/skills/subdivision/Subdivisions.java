package cn.henan.skills.subdivision;

import cn.henan.skills.identity.UnitAccess;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.quota.UnitYears;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A city's subdivision: the validated school table is kept as a draft until the bureau's leader approves; publishing
 * registers each school as a unit under the city ({@code u001-s01} …) with its own groups, records its quota next to
 * the province's, and starts its {@code unit-year}. A city publishes its subdivision once a year.
 */
@Service
public class Subdivisions {
  private final SubdivisionRepository subdivisions;
  private final SchoolQuotaDraftRepository drafts;
  private final UnitRegistry units;
  private final UnitAccess unitAccess;
  private final QuotaDistribution quotas;
  private final UnitYears unitYears;
  private final Clock clock;

  Subdivisions(SubdivisionRepository subdivisions, SchoolQuotaDraftRepository drafts, UnitRegistry units,
      UnitAccess unitAccess, QuotaDistribution quotas, UnitYears unitYears, Clock clock) {
    this.subdivisions = subdivisions;
    this.drafts = drafts;
    this.units = units;
    this.unitAccess = unitAccess;
    this.quotas = quotas;
    this.unitYears = unitYears;
    this.clock = clock;
  }

  @Transactional
  public void saveDraft(int year, String cityCode, String sourceName, List<SchoolQuotaLine> lines) {
    Subdivision subdivision = subdivisions.lock(year, cityCode).orElseGet(() -> new Subdivision(year, cityCode));
    if (subdivision.isPublished()) {
      throw new IllegalStateException(units.name(cityCode, year) + " " + year + " 年的任务分解已经下达，不能重复下达。");
    }
    subdivision.replaceDraft(sourceName, clock.instant());
    subdivisions.saveAndFlush(subdivision);
    drafts.deleteDraft(year, cityCode);
    drafts.flush();
    drafts.saveAll(lines.stream().map(line -> new SchoolQuotaDraft(year, cityCode, line)).toList());
  }

  /** @return the schools registered */
  @Transactional
  public List<Unit> publish(int year, String cityCode) {
    Subdivision subdivision = subdivisions.lock(year, cityCode)
        .orElseThrow(() -> new IllegalStateException(cityCode + " 没有已校验的任务分解，无法下达。"));
    if (subdivision.isPublished()) {
      throw new IllegalStateException(units.name(cityCode, year) + " " + year + " 年的任务分解已经下达，不能重复下达。");
    }
    subdivision.publish(clock.instant());
    List<SchoolQuotaDraft> rows = drafts.findDraft(year, cityCode);
    List<Unit> schools = units.registerSchools(cityCode, rows.stream().map(SchoolQuotaDraft::getSchoolName).toList());
    Map<String, Quota> schoolQuotas = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).assignUnit(schools.get(i).getCode());
      schoolQuotas.put(schools.get(i).getCode(), rows.get(i).toQuota());
    }
    quotas.recordSchoolQuotas(year, schoolQuotas);
    for (int i = 0; i < schools.size(); i++) {
      unitAccess.ensureUnitIdentity(schools.get(i));
      unitYears.start(schools.get(i), year, rows.get(i).toQuota());
    }
    return schools;
  }
}
