package cn.henan.skills.report;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MonthlyReportRepository extends JpaRepository<MonthlyReport, Long>, ReportsByBusinessKey {
  /** Accepted reports of the given units up to and including a month. */
  @Query("select r from MonthlyReport r where r.year = :year and r.month <= :month and r.unitCode in :units"
      + " and r.status = cn.henan.skills.report.MonthlyReport.Status.ACCEPTED")
  List<MonthlyReport> acceptedThrough(int year, int month, Collection<String> units);

  @Query("select r from MonthlyReport r where r.year = :year and r.month <= :month"
      + " and r.status = cn.henan.skills.report.MonthlyReport.Status.ACCEPTED")
  List<MonthlyReport> allAcceptedThrough(int year, int month);

  boolean existsByYearAndMonth(int year, int month);

  /** Every unit's report of one month, whatever its status. */
  List<MonthlyReport> findByYearAndMonth(int year, int month);
}
