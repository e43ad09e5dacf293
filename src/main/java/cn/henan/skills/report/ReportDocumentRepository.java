package cn.henan.skills.report;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportDocumentRepository extends JpaRepository<ReportDocument, Long> {
  Optional<ReportDocument> findFirstByReportIdAndKindOrderByVersionDesc(Long reportId, ReportDocument.Kind kind);

  Optional<ReportDocument> findByReportIdAndKindAndVersion(Long reportId, ReportDocument.Kind kind, int version);
}
