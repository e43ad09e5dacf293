package cn.henan.skills.report;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonthlyReportEventRepository extends JpaRepository<MonthlyReportEvent, Long> {
  List<MonthlyReportEvent> findByReportIdOrderByIdAsc(Long reportId);

  List<MonthlyReportEvent> findByReportIdInAndKind(Collection<Long> reportIds, MonthlyReportEvent.Kind kind);
}
