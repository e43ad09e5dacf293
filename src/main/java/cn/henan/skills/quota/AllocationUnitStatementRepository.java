package cn.henan.skills.quota;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AllocationUnitStatementRepository
    extends JpaRepository<AllocationUnitStatement, AllocationUnitStatement.Key> {
  List<AllocationUnitStatement> findByYearOrderBySourceRow(int year);

  @Modifying
  @Query("delete from AllocationUnitStatement s where s.year = :year")
  void deleteByYear(int year);
}
