package cn.henan.skills.quota;

import cn.henan.skills.tabular.QuotaImport;

import static cn.henan.skills.quota.AllocationColumn.ADVANCED;
import static cn.henan.skills.quota.AllocationColumn.CERTIFICATION;
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
 * headers) against the unit registry. Every problem is reported with its row, column and value, and a file with any
 * problem imports nothing.
 */
@Service
public class AllocationImporter {
  private final HeavyWork heavyWork;

  public AllocationImporter(HeavyWork heavyWork) {
    this.heavyWork = heavyWork;
  }

  /** @param registry the known units; only those without a parent (the province's direct units) can be allocated to */
  public QuotaImport<AllocationLine> read(String fileName, byte[] content, Collection<Unit> registry) {
    List<ImportProblem> problems = new ArrayList<>();
    Optional<ColumnTable<AllocationColumn>> table = heavyWork.run(HeavyWork.Kind.TABLE,
        () -> ColumnTable.read(fileName, content, AllocationColumn.class, "单位", problems));
    if (table.isEmpty()) {
      return QuotaImport.of(List.of(), problems);
    }
    UnitMatcher units = new UnitMatcher(registry);
    Map<String, Integer> rowOfUnit = new HashMap<>();
    List<AllocationLine> lines = new ArrayList<>();
    for (Table.Row row : table.get().rows()) {
      table.get().row(row, problems).flatMap(cells -> line(cells, units, rowOfUnit)).ifPresent(lines::add);
    }
    return QuotaImport.of(lines, problems);
  }

  /** Reads one data row, adding a problem for everything wrong with it. */
  private static Optional<AllocationLine> line(TableRow<AllocationColumn> row, UnitMatcher units,
      Map<String, Integer> rowOfUnit) {
    Optional<Unit> unit = unit(row, units, rowOfUnit);
    checkKind(row, unit);
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
    Unit found = unit.orElseThrow();
    return Optional.of(new AllocationLine(row.number(), found.getCode(), found.getName(), found.getKind(),
        training, certification, advanced, onePlusX));
  }

  private static Optional<Unit> unit(TableRow<AllocationColumn> row, UnitMatcher units,
      Map<String, Integer> rowOfUnit) {
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
    Optional<Unit> unit = units.find(name);
    if (unit.isEmpty()) {
      row.problem(UNIT, units.unknown(name));
      return Optional.empty();
    }
    Integer firstRow = rowOfUnit.putIfAbsent(unit.get().getCode(), row.number());
    if (firstRow != null) {
      row.problem(UNIT, "「" + name + "」与第 " + firstRow + " 行重复：每个单位只能出现一次");
    }
    return unit;
  }

  /** The optional kind column is a cross-check that the row means the unit the registry has under that name. */
  private static void checkKind(TableRow<AllocationColumn> row, Optional<Unit> unit) {
    String written = row.text(KIND);
    if (written.isEmpty()) {
      return;
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
  }
}
