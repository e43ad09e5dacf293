package cn.henan.skills.unit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitNameRepository extends JpaRepository<UnitName, UnitName.Key> {
  List<UnitName> findByFromYearLessThanEqualOrderByFromYear(int year);

  List<UnitName> findByCodeAndFromYearLessThanEqualOrderByFromYear(String code, int year);
}
