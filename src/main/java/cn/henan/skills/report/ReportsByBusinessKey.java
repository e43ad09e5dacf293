package cn.henan.skills.report;

import java.util.Optional;

/**
 * A report by its business key as a Hibernate natural id: the first lookup in a transaction is one query, every later
 * one (a task's listeners, the form's context, the lifecycle step ask up to six times) is answered by the persistence
 * context. A derived query would ask the database each time.
 */
interface ReportsByBusinessKey {
  Optional<MonthlyReport> findByBusinessKey(String businessKey);
}
