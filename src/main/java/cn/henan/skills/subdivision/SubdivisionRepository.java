package cn.henan.skills.subdivision;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SubdivisionRepository extends JpaRepository<Subdivision, Subdivision.Key> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Subdivision s where s.year = :year and s.cityCode = :cityCode")
  Optional<Subdivision> lock(int year, String cityCode);
}
