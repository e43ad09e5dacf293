package cn.henan.skills.report;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportDueDateRepository extends JpaRepository<ReportDueDate, ReportDueDate.Key> {
  @Query("select d from ReportDueDate d where d.year = :year and d.month = :month")
  Optional<ReportDueDate> find(int year, int month);
}
