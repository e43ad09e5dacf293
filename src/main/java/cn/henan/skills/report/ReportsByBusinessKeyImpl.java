package cn.henan.skills.report;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/** Spring Data's fragment implementation of {@link ReportsByBusinessKey}, found by its name. */
class ReportsByBusinessKeyImpl implements ReportsByBusinessKey {
  @PersistenceContext
  private EntityManager entityManager;

  @Override
  public Optional<MonthlyReport> findByBusinessKey(String businessKey) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(MonthlyReport.class).loadOptional(businessKey);
  }
}
