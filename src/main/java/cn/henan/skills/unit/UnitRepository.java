package cn.henan.skills.unit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<Unit, String> {
  List<Unit> findAllByOrderBySeqAscCodeAsc();

  List<Unit> findByParentCodeIsNullOrderBySeqAscCodeAsc();

  List<Unit> findByParentCodeOrderBySeq(String parentCode);
}
