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
   * The city's secondary vocational schools of these names, in the given order: a school the city registered in an
   * earlier year (same name) keeps its code; a new one becomes {@code <city>-s01}, {@code <city>-s02}, … numbered on
   * after the city's last school.
   */
  @Transactional
  public List<Unit> registerSchools(String cityCode, List<String> schoolNames) {
    Unit city = get(cityCode);
    if (!city.getKind().isBureau()) {
      throw new IllegalArgumentException(city.getName() + " 不是市县教育局，不能设立所属学校。");
    }
    List<Unit> known = schoolsOf(cityCode);
    int seq = known.stream().mapToInt(Unit::getSeq).max().orElse(0);
    List<Unit> schools = new java.util.ArrayList<>();
    for (String name : schoolNames) {
      Unit school = known.stream().filter(unit -> unit.getName().equals(name.trim())).findFirst().orElse(null);
      if (school == null) {
        seq++;
        school = units.save(new Unit(String.format("%s-s%02d", cityCode, seq), name.trim(),
            UnitKind.SECONDARY_VOCATIONAL, cityCode, seq));
      }
      schools.add(school);
    }
    return schools;
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("单位代码不存在：" + code));
  }
}
