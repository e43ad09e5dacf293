package cn.henan.skills.quota;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface QuotaAllocationRepository extends JpaRepository<QuotaAllocation, QuotaAllocation.Key> {
  List<QuotaAllocation> findByYearOrderBySourceRow(int year);

  Optional<QuotaAllocation> findByYearAndUnitCode(int year, String unitCode);

  @Modifying
  @Query("delete from QuotaAllocation q where q.year = :year")
  void deleteByYear(int year);
}
