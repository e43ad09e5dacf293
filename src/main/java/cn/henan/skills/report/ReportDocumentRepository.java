package cn.henan.skills.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportDocumentRepository extends JpaRepository<ReportDocument, Long> {
  Optional<ReportDocument> findFirstByReportIdAndKindOrderByVersionDesc(Long reportId, ReportDocument.Kind kind);

  Optional<ReportDocument> findByReportIdAndKindAndVersion(Long reportId, ReportDocument.Kind kind, int version);

  /** The report's newest version of a kind of document, without loading any document's bytes. */
  @Query("select max(d.version) from ReportDocument d where d.reportId = :reportId and d.kind = :kind")
  Optional<Integer> latestVersion(Long reportId, ReportDocument.Kind kind);

  /** [report id, newest version] of a kind of document for every report of a month that has one. */
  @Query("select d.reportId, max(d.version) from ReportDocument d where d.kind = :kind and d.reportId in"
      + " (select r.id from MonthlyReport r where r.year = :year and r.month = :month) group by d.reportId")
  List<Object[]> latestVersionsOfMonth(int year, int month, ReportDocument.Kind kind);

  /**
   * [qrVerified, explanation, sealFound, sealDiameterMm] of one document version, without loading its bytes; empty
   * if there is none.
   */
  @Query("select d.qrVerified, d.explanation, d.sealFound, d.sealDiameterMm from ReportDocument d"
      + " where d.reportId = :reportId and d.kind = :kind and d.version = :version")
  List<Object[]> verification(Long reportId, ReportDocument.Kind kind, int version);

  /** The QR payload printed on one version's PDF, without loading its bytes. */
  @Query("select d.qrPayload from ReportDocument d where d.reportId = :reportId and d.kind = :kind"
      + " and d.version = :version")
  Optional<String> qrPayload(Long reportId, ReportDocument.Kind kind, int version);
}
