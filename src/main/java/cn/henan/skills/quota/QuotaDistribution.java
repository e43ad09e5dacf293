package cn.henan.skills.quota;

import cn.henan.skills.identity.UnitAccess;
import cn.henan.skills.pdf.NoticePdfData;
import cn.henan.skills.platform.TransactionMemo;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's allocation from a validated table to the units: the validated table is kept as the year's draft until the
 * leader approves; publishing stores it for good and starts every unit's year. A year is published once.
 */
@Service
public class QuotaDistribution {
  private static final DateTimeFormatter BEIJING_DATE =
      DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));
  private final AllocationYearRepository years;
  private final QuotaAllocationRepository quotas;
  private final AllocationUnitStatementRepository statements;
  private final UnitRegistry units;
  private final UnitAccess unitAccess;
  private final UnitYears unitYears;
  private final Notices notices;
  private final Clock clock;
  /** A unit's quota is asked for by the form's context, its checks and the report view in one command. */
  private final TransactionMemo<String, Optional<Quota>> quotaInTransaction = new TransactionMemo<>();

  QuotaDistribution(AllocationYearRepository years, QuotaAllocationRepository quotas,
      AllocationUnitStatementRepository statements, UnitRegistry units, UnitAccess unitAccess, UnitYears unitYears,
      Notices notices, Clock clock) {
    this.years = years;
    this.quotas = quotas;
    this.statements = statements;
    this.units = units;
    this.unitAccess = unitAccess;
    this.unitYears = unitYears;
    this.notices = notices;
    this.clock = clock;
  }

  /** Why a distribution for this year cannot start, or empty when it can. */
  @Transactional(readOnly = true)
  public Optional<String> refusalToStart(int year) {
    if (year < 2022 || year > 2100) {
      return Optional.of("年度“" + year + "”无效：应为 2022 至 2100 之间的年份。");
    }
    return years.findById(year).filter(AllocationYear::isPublished)
        .map(y -> year + " 年的任务已于 " + BEIJING_DATE.format(y.getPublishedAt()) + " 下达，不能重复下达。");
  }

  /** Replaces the year's draft with a validated table (a table with errors never gets here). */
  @Transactional
  public void saveDraft(int year, String sourceName, List<AllocationLine> lines) {
    quotaInTransaction.clear();
    AllocationYear allocationYear = years.lockYear(year).orElseGet(() -> new AllocationYear(year));
    if (allocationYear.isPublished()) {
      throw new AllocationAlreadyPublishedException(year);
    }
    allocationYear.replaceDraft(sourceName, clock.instant());
    years.saveAndFlush(allocationYear);
    quotas.deleteByYear(year);
    quotas.flush();
    statements.deleteByYear(year);
    statements.flush();
    // a new unit has no code before publication: its quota waits with its statement
    quotas.saveAll(lines.stream().filter(line -> line.statement() != AllocationLine.Statement.NEW_UNIT)
        .map(line -> new QuotaAllocation(year, line.unitCode(), line.row(),
            new Quota(line.training(), line.certification(), line.advanced(), line.onePlusX()))).toList());
    statements.saveAll(lines.stream().filter(line -> line.statement() != AllocationLine.Statement.NONE)
        .map(line -> new AllocationUnitStatement(year, line)).toList());
  }

  /**
   * Publishes the year's draft: the quotas become final and each unit gets its {@code unit-year} instance.
   *
   * @return the number of units the year was published to
   */
  @Transactional
  public int publish(int year, String processInstanceId, NoticeText notice) {
    quotaInTransaction.clear();
    AllocationYear allocationYear = years.lockYear(year)
        .orElseThrow(() -> new IllegalStateException(year + " 年没有已校验的任务分配表，无法下达。"));
    if (allocationYear.isPublished()) {
      throw new AllocationAlreadyPublishedException(year);
    }
    allocationYear.publish(clock.instant(), processInstanceId);
    applyStatements(year);
    Map<String, Unit> unitsByCode = unitsOf(year);
    List<QuotaAllocation> allocations = quotas.findByYearOrderBySourceRow(year);
    // 序号 numbers the units as Attachment 1 does (the source row counts the header too)
    List<NoticePdfData.Row> attachment = new ArrayList<>();
    for (QuotaAllocation a : allocations) {
      attachment.add(new NoticePdfData.Row(attachment.size() + 1, unitsByCode.get(a.getUnitCode()).getName(),
          a.getTraining(), a.getCertification(), a.getAdvanced(), a.getOnePlusX()));
    }
    notices.issue(year, notice, attachment);
    for (QuotaAllocation allocation : allocations) {
      unitYears.start(unitsByCode.get(allocation.getUnitCode()), year, allocation.toQuota());
    }
    return allocations.size();
  }

  /**
   * The table's renames take effect from this year on (earlier years keep the old name); its new units get their
   * codes, groups (and demo users) as every unit has them, and their quota.
   */
  private void applyStatements(int year) {
    for (AllocationUnitStatement statement : statements.findByYearOrderBySourceRow(year)) {
      if (statement.getStatement() == AllocationLine.Statement.RENAMED) {
        units.rename(statement.getUnitCode(), year, statement.getName());
        unitAccess.unitRenamed(units.get(statement.getUnitCode()));
      } else {
        Unit added = units.addProvincialUnit(statement.getName(), statement.getKind(), year);
        statement.registered(added.getCode());
        unitAccess.ensureUnitIdentity(added);
        quotas.save(new QuotaAllocation(year, added.getCode(), statement.getSourceRow(), statement.quota()));
      }
    }
    quotas.flush();
  }

  /** The units of a year by code, each under its name of that year. */
  private Map<String, Unit> unitsOf(int year) {
    return units.allUnits(year).stream().collect(Collectors.toMap(Unit::getCode, Function.identity()));
  }

  /** The years whose allocation is published, oldest first. */
  @Transactional(readOnly = true)
  public List<Integer> publishedYears() {
    return years.findAll().stream().filter(AllocationYear::isPublished).map(AllocationYear::getYear).sorted()
        .toList();
  }

  /** The published allocation of a year, in table order, each unit under its name of that year. */
  @Transactional(readOnly = true)
  public Optional<PublishedAllocation> published(int year) {
    return years.findById(year).filter(AllocationYear::isPublished).map(y -> {
      Map<String, Unit> unitsByCode = unitsOf(year);
      List<PublishedAllocation.UnitQuota> rows = quotas.findByYearOrderBySourceRow(year).stream()
          .map(q -> new PublishedAllocation.UnitQuota(unitsByCode.get(q.getUnitCode()), q))
          .toList();
      return new PublishedAllocation(year, y.getPublishedAt(), rows);
    });
  }

  /** One unit's (or school's) published quota for a year. */
  @Transactional(readOnly = true)
  public Optional<Quota> quotaOf(int year, String unitCode) {
    return quotaInTransaction.get(year + "/" + unitCode, key -> years.findById(year).filter(AllocationYear::isPublished)
        .flatMap(y -> quotas.findByYearAndUnitCode(year, unitCode)).map(QuotaAllocation::toQuota));
  }

  /** Every published quota of a year by unit code, schools included. */
  @Transactional(readOnly = true)
  public Map<String, Quota> quotasOf(int year) {
    return years.findById(year).filter(AllocationYear::isPublished)
        .map(y -> quotas.findByYearOrderBySourceRow(year).stream()
            .collect(Collectors.toMap(QuotaAllocation::getUnitCode, QuotaAllocation::toQuota)))
        .orElse(Map.of());
  }

  /** A unit has received its annual task in Tasklist (接收年度任务). */
  @Transactional
  public void markReceived(int year, String unitCode, String userId) {
    quotas.findByYearAndUnitCode(year, unitCode)
        .orElseThrow(() -> new IllegalStateException(unitCode + " " + year + " 年没有已下达的任务。"))
        .received(clock.instant(), userId);
  }

  /** The units (schools included) with a published quota for the year that have not received it yet. */
  @Transactional(readOnly = true)
  public Set<String> notReceived(int year) {
    return years.findById(year).filter(AllocationYear::isPublished)
        .map(y -> quotas.findByYearOrderBySourceRow(year).stream().filter(q -> q.getReceivedAt() == null)
            .map(QuotaAllocation::getUnitCode).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  /**
   * Records the quotas a city gave its schools (their units already registered) next to the province's, so every
   * feature reads every unit's annual task from one place. Rows are numbered after the province's table.
   */
  @Transactional
  public void recordSchoolQuotas(int year, Map<String, Quota> schoolQuotas) {
    quotaInTransaction.clear();
    AllocationYear allocationYear = years.lockYear(year).filter(AllocationYear::isPublished)
        .orElseThrow(() -> new IllegalStateException(year + " 年的任务尚未下达，不能细分。"));
    int row = quotas.findByYearOrderBySourceRow(allocationYear.getYear()).stream()
        .mapToInt(QuotaAllocation::getSourceRow).max().orElse(0);
    for (Map.Entry<String, Quota> school : schoolQuotas.entrySet()) {
      quotas.save(new QuotaAllocation(year, school.getKey(), ++row, school.getValue()));
    }
  }
}
