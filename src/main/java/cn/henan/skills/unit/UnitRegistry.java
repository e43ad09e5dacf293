package cn.henan.skills.unit;

import cn.henan.skills.platform.TransactionMemo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the unit registry: every other feature reads units through here. A unit's code never changes;
 * the name of a unit the province allocates to can, from a year on, so what is shown in a year's context (a report,
 * a list, a PDF of that year) is asked with the year: {@link #allUnits(int)}, {@link #get(String, int)}. Without a
 * year, a unit carries its current name (group names, messages about now).
 */
@Service
@Transactional(readOnly = true)
public class UnitRegistry {
  private static final Pattern PROVINCIAL_CODE = Pattern.compile("u(\\d{3})");

  private final UnitRepository units;
  private final UnitNameRepository names;
  /** A completion names its unit many times over; the names of a year are read once per transaction. */
  private final TransactionMemo<CodeInYear, Optional<Unit>> inYear = new TransactionMemo<>();

  UnitRegistry(UnitRepository units, UnitNameRepository names) {
    this.units = units;
    this.names = names;
  }

  /**
   * The units the province deals with directly in a year (the 171 of the 2022 table, and those added since), each
   * under its name of that year.
   */
  public List<Unit> provincialUnits(int year) {
    Map<String, String> named = namesIn(year);
    return units.findByParentCodeIsNullOrderBySeqAscCodeAsc().stream().filter(u -> named.containsKey(u.getCode()))
        .map(u -> u.named(named.get(u.getCode()))).toList();
  }

  /** Every unit of a year, the schools cities registered included, each under its name of that year. */
  public List<Unit> allUnits(int year) {
    Map<String, String> named = namesIn(year);
    return units.findAllByOrderBySeqAscCodeAsc().stream().filter(u -> inYear(u, named))
        .map(u -> u.named(named.getOrDefault(u.getCode(), u.getName()))).toList();
  }

  /** Every unit under its current name. */
  public List<Unit> allUnits() {
    return units.findAllByOrderBySeqAscCodeAsc();
  }

  /** A unit under its current name. */
  public Optional<Unit> find(String code) {
    return units.findById(code);
  }

  /** A unit under its name of that year; empty when the unit did not exist yet. Asked once per transaction. */
  public Optional<Unit> find(String code, int year) {
    return inYear.get(new CodeInYear(code, year), key -> {
      List<UnitName> named = names.findByCodeAndFromYearLessThanEqualOrderByFromYear(code, year);
      return find(code).filter(u -> u.getParentCode() != null || !named.isEmpty())
          .map(u -> named.isEmpty() ? u : u.named(named.get(named.size() - 1).getName()));
    });
  }

  private record CodeInYear(String code, int year) {
  }

  public Unit get(String code, int year) {
    return find(code, year).orElseThrow(() -> new IllegalArgumentException(year + " 年没有单位代码：" + code));
  }

  /** A unit's name in a year, e.g. the old name in the year before its rename; the code itself when unknown. */
  public String name(String code, int year) {
    return find(code, year).map(Unit::getName).orElse(code);
  }

  /**
   * A unit the province allocates to is called {@code name} from {@code fromYear} on; earlier years keep the old
   * name, and the code with everything filed under it stays.
   */
  @Transactional
  public void rename(String code, int fromYear, String name) {
    Unit unit = units.findById(code).filter(u -> u.getParentCode() == null)
        .orElseThrow(() -> new IllegalArgumentException("省直接分配任务的单位中没有代码：" + code));
    names.save(new UnitName(code, fromYear, name.trim()));
    inYear.clear();
    if (names.findByCodeAndFromYearLessThanEqualOrderByFromYear(code, Integer.MAX_VALUE).stream()
        .allMatch(n -> n.getFromYear() <= fromYear)) {
      unit.rename(name.trim());
    }
  }

  /**
   * Registers a unit the province allocates to from {@code fromYear} on: the next free code ({@code u172} after
   * {@code u171}), listed after the last unit of its kind.
   */
  @Transactional
  public Unit addProvincialUnit(String name, UnitKind kind, int fromYear) {
    List<Unit> provincial = units.findByParentCodeIsNullOrderBySeqAscCodeAsc();
    int number = provincial.stream().map(u -> PROVINCIAL_CODE.matcher(u.getCode())).filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
    int seq = provincial.stream().filter(u -> u.getKind() == kind).mapToInt(Unit::getSeq).max()
        .orElse(provincial.stream().mapToInt(Unit::getSeq).max().orElse(0));
    Unit unit = units.save(new Unit(String.format("u%03d", number), name.trim(), kind, null, seq));
    names.save(new UnitName(unit.getCode(), fromYear, unit.getName()));
    inYear.clear();
    return unit;
  }

  /** Code → name of that year, for the units the province allocates to that exist in the year. */
  private Map<String, String> namesIn(int year) {
    Map<String, String> named = new HashMap<>();
    // ordered by year, so a later rename replaces the earlier name
    names.findByFromYearLessThanEqualOrderByFromYear(year).forEach(n -> named.put(n.getCode(), n.getName()));
    return named;
  }

  /** A school (no name rows: it keeps the name its city gave it) is in every year; any other unit from its first name. */
  private static boolean inYear(Unit unit, Map<String, String> named) {
    return unit.getParentCode() != null || named.containsKey(unit.getCode());
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
    inYear.clear();
    return schools;
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("单位代码不存在：" + code));
  }
}
