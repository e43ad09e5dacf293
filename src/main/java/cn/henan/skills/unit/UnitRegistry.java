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

  /** The schools a city bureau registered by subdividing its quota. */
  public List<Unit> schoolsOf(String cityCode) {
    return units.findByParentCodeOrderBySeq(cityCode);
  }

  /**
   * Registers a city's secondary vocational schools as units {@code <city>-s01}, {@code <city>-s02}, … in the given
   * order, continuing after the schools the city already has.
   */
  @Transactional
  public List<Unit> registerSchools(String cityCode, List<String> schoolNames) {
    Unit city = get(cityCode);
    if (!city.getKind().isBureau()) {
      throw new IllegalArgumentException(city.getName() + " 不是市县教育局，不能设立所属学校。");
    }
    int seq = schoolsOf(cityCode).stream().mapToInt(Unit::getSeq).max().orElse(0);
    List<Unit> schools = new java.util.ArrayList<>();
    for (String name : schoolNames) {
      seq++;
      schools.add(units.save(new Unit(String.format("%s-s%02d", cityCode, seq), name,
          UnitKind.SECONDARY_VOCATIONAL, cityCode, seq)));
    }
    return schools;
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("单位代码不存在：" + code));
  }
}
