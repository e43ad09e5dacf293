package cn.henan.skills.quota;

import cn.henan.skills.tabular.QuotaImport;

import static cn.henan.skills.quota.AllocationColumn.ADVANCED;
import static cn.henan.skills.quota.AllocationColumn.CERTIFICATION;
import static cn.henan.skills.quota.AllocationColumn.FORMER_NAME;
import static cn.henan.skills.quota.AllocationColumn.KIND;
import static cn.henan.skills.quota.AllocationColumn.ONE_PLUS_X;
import static cn.henan.skills.quota.AllocationColumn.TRAINING;
import static cn.henan.skills.quota.AllocationColumn.UNIT;

import cn.henan.skills.platform.HeavyWork;
import cn.henan.skills.tabular.ColumnTable;
import cn.henan.skills.tabular.ImportProblem;
import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.Table;
import cn.henan.skills.tabular.TableRow;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reads and checks an uploaded allocation table (Attachment 1 of 教办职成〔2022〕50号, or the shared CSV with English
 * headers) against the unit registry of the table's year. Every problem is reported with its row, column and value,
 * and a file with any problem imports nothing. A name the registry does not know is never matched by guess nor
 * registered by itself: the table states a rename (the unit's former name in 原单位名称) or a new unit (新增 there,
 * with its 单位类型).
 */
@Service
public class AllocationImporter {
  /** What 原单位名称 says of a new unit. */
  static final String NEW_UNIT = "新增";

  private final HeavyWork heavyWork;

  public AllocationImporter(HeavyWork heavyWork) {
    this.heavyWork = heavyWork;
  }

  /**
   * @param registry the units of the table's year, under that year's names; only those without a parent (the
   *     province's direct units) can be allocated to
   */
  public QuotaImport<AllocationLine> read(String fileName, byte[] content, Collection<Unit> registry) {
    List<ImportProblem> problems = new ArrayList<>();
    Optional<ColumnTable<AllocationColumn>> table = heavyWork.run(HeavyWork.Kind.TABLE,
        () -> ColumnTable.read(fileName, content, AllocationColumn.class, "单位", problems));
    if (table.isEmpty()) {
      return QuotaImport.of(List.of(), problems);
    }
    UnitMatcher units = new UnitMatcher(registry);
    Rows seen = new Rows();
    List<AllocationLine> lines = new ArrayList<>();
    for (Table.Row row : table.get().rows()) {
      table.get().row(row, problems).flatMap(cells -> line(cells, units, seen)).ifPresent(lines::add);
    }
    return QuotaImport.of(lines, problems);
  }

  /** The row each unit (by code) and each stated new name was first seen on: every unit appears once. */
  private static final class Rows {
    final Map<String, Integer> ofUnit = new HashMap<>();
    final Map<String, Integer> ofStatedName = new HashMap<>();
  }

  /** The unit a row means and what the row states about it. */
  private record Meant(Optional<Unit> unit, AllocationLine.Statement statement) {
  }

  /** Reads one data row, adding a problem for everything wrong with it. */
  private static Optional<AllocationLine> line(TableRow<AllocationColumn> row, UnitMatcher units, Rows seen) {
    Optional<Meant> meant = unit(row, units, seen);
    Optional<UnitKind> kind = kind(row, meant.flatMap(Meant::unit));
    if (meant.filter(m -> m.statement() == AllocationLine.Statement.NEW_UNIT).isPresent() && kind.isEmpty()
        && row.text(KIND).isEmpty()) {
      row.problem(KIND, "新增单位必须填写单位类型，系统据此把它列入相应类别并分配代码");
    }
    Integer training = row.requiredQuota(TRAINING);
    Integer certification = row.requiredQuota(CERTIFICATION);
    Integer advanced = row.quota(ADVANCED);
    Integer onePlusX = row.quota(ONE_PLUS_X);
    row.checkAtMost(CERTIFICATION, certification, TRAINING, training);
    row.checkAtMost(ADVANCED, advanced, CERTIFICATION, certification);
    row.checkAtMost(ONE_PLUS_X, onePlusX, CERTIFICATION, certification);
    if (!row.ok()) {
      return Optional.empty();
    }
    AllocationLine.Statement statement = meant.orElseThrow().statement();
    String name = row.text(UNIT).trim();
    return Optional.of(switch (statement) {
      case NONE -> {
        Unit found = meant.get().unit().orElseThrow();
        yield new AllocationLine(row.number(), found.getCode(), found.getName(), found.getKind(), training,
            certification, advanced, onePlusX, statement);
      }
      case RENAMED -> {
        Unit renamed = meant.get().unit().orElseThrow();
        yield new AllocationLine(row.number(), renamed.getCode(), name, renamed.getKind(), training, certification,
            advanced, onePlusX, statement);
      }
      case NEW_UNIT -> new AllocationLine(row.number(), null, name, kind.orElseThrow(), training, certification,
          advanced, onePlusX, statement);
    });
  }

  private static Optional<Meant> unit(TableRow<AllocationColumn> row, UnitMatcher units, Rows seen) {
    String name = row.text(UNIT);
    if (name.isEmpty()) {
      row.problem(UNIT, "不能为空");
      return Optional.empty();
    }
    Optional<String> markup = Names.markupProblem(name);
    if (markup.isPresent()) {
      row.problem(UNIT, markup.get());
      return Optional.empty();
    }
    String former = row.text(FORMER_NAME);
    Optional<Unit> unit = units.find(name);
    if (former.isEmpty()) {
      if (unit.isEmpty()) {
        String unknown = units.unknown(name);
        row.problem(UNIT, unknown + (unknown.endsWith("？") ? "" : "。") + "如该单位今年更名，请在“原单位名称”列填写它在"
            + "单位名册中的原名称；如为新增单位，请在该列填写“新增”并填写单位类型");
        return Optional.empty();
      }
      return once(row, name, unit.get(), seen.ofUnit) ? Optional.of(new Meant(unit, AllocationLine.Statement.NONE))
          : Optional.empty();
    }
    if (unit.isPresent()) {
      row.problem(FORMER_NAME, "「" + name + "」已在单位名册中（" + unit.get().getCode() + "），不是新名称："
          + "原单位名称一列只用于更名或新增的单位，请清空");
      return Optional.empty();
    }
    Integer firstStated = seen.ofStatedName.putIfAbsent(Names.normalize(name), row.number());
    if (firstStated != null) {
      row.problem(UNIT, "「" + name + "」与第 " + firstStated + " 行重复：每个单位只能出现一次");
      return Optional.empty();
    }
    if (Names.normalize(former).equals(Names.normalize(NEW_UNIT))) {
      return Optional.of(new Meant(Optional.empty(), AllocationLine.Statement.NEW_UNIT));
    }
    Optional<Unit> renamed = units.find(former);
    if (renamed.isEmpty()) {
      row.problem(FORMER_NAME, units.unknown(former) + "：原单位名称应为该单位在单位名册中的名称，新增单位填写“新增”");
      return Optional.empty();
    }
    return once(row, former, renamed.get(), seen.ofUnit)
        ? Optional.of(new Meant(renamed, AllocationLine.Statement.RENAMED)) : Optional.empty();
  }

  private static boolean once(TableRow<AllocationColumn> row, String name, Unit unit, Map<String, Integer> ofUnit) {
    Integer firstRow = ofUnit.putIfAbsent(unit.getCode(), row.number());
    if (firstRow != null) {
      row.problem(UNIT, "「" + name + "」与第 " + firstRow + " 行重复：每个单位只能出现一次");
    }
    return firstRow == null;
  }

  /**
   * The optional kind column: for a unit in the registry a cross-check that the row means the unit the registry has
   * under that name; for a new unit what it is.
   */
  private static Optional<UnitKind> kind(TableRow<AllocationColumn> row, Optional<Unit> unit) {
    String written = row.text(KIND);
    if (written.isEmpty()) {
      return Optional.empty();
    }
    String normalized = Names.normalize(written);
    Optional<UnitKind> kind = Arrays.stream(UnitKind.values())
        .filter(k -> normalized.equals(k.code()) || normalized.equals(Names.normalize(k.chineseName())))
        .findFirst();
    if (kind.isEmpty()) {
      row.problem(KIND, "不是已知的单位类型（\"" + written + "\"）：应为 " + Arrays.stream(UnitKind.values())
          .map(k -> k.chineseName() + "（" + k.code() + "）")
          .collect(Collectors.joining("、")));
    } else if (unit.isPresent() && kind.get() != unit.get().getKind()) {
      row.problem(KIND, "与单位名册不符（\"" + written + "\"）：「" + unit.get().getName() + "」在名册中是"
          + unit.get().getKind().chineseName());
    }
    return kind;
  }
}
