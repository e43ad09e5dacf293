package cn.henan.skills.quota;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AllocationYearRepository extends JpaRepository<AllocationYear, Integer> {
  /** Locks the year's row so that two publications of one year cannot both pass the check. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from AllocationYear a where a.year = :year")
  Optional<AllocationYear> lockYear(int year);
}
