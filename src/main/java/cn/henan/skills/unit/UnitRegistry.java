package cn.henan.skills.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public face of the unit registry: every other feature reads units through here. */
@Service
@Transactional(readOnly = true)
public class UnitRegistry {
  private final UnitRepository units;

  UnitRegistry(UnitRepository units) {
    this.units = units;
  }

  /** The units the province deals with directly (the 171 of the allocation table). */
  public List<Unit> provincialUnits() {
    return units.findByParentCodeIsNullOrderBySeq();
  }

  public List<Unit> allUnits() {
    return units.findAllByOrderBySeqAscCodeAsc();
  }

  public Optional<Unit> find(String code) {
    return units.findById(code);
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("单位代码不存在：" + code));
  }
}
