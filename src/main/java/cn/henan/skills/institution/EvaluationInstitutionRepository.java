package cn.henan.skills.institution;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvaluationInstitutionRepository extends JpaRepository<EvaluationInstitution, Long> {
  Optional<EvaluationInstitution> findByBusinessKey(String businessKey);

  List<EvaluationInstitution> findByUnitCodeInOrderByUnitCodeAscSeqAsc(Collection<String> unitCodes);

  List<EvaluationInstitution> findAllByOrderByUnitCodeAscSeqAsc();

  @Query("select coalesce(max(i.seq), 0) from EvaluationInstitution i where i.unitCode = :unitCode")
  int lastSeq(String unitCode);

  /** Per kind, the unit's institutions filed by {@code at} and not revoked by then. */
  @Query("select i.kind, count(i) from EvaluationInstitution i where i.unitCode = :unitCode and i.filedAt <= :at"
      + " and (i.revokedAt is null or i.revokedAt > :at) group by i.kind")
  List<Object[]> filedCounts(String unitCode, Instant at);
}
