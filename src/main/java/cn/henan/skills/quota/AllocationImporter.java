package cn.henan.skills.quota;

import cn.henan.skills.tabular.ImportProblem;
import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.QuotaCell;

import static cn.henan.skills.quota.AllocationColumn.ADVANCED;
import static cn.henan.skills.quota.AllocationColumn.CERTIFICATION;
import static cn.henan.skills.quota.AllocationColumn.KIND;
import static cn.henan.skills.quota.AllocationColumn.ONE_PLUS_X;
import static cn.henan.skills.quota.AllocationColumn.TRAINING;
import static cn.henan.skills.quota.AllocationColumn.UNIT;

import cn.henan.skills.tabular.Table;
import cn.henan.skills.tabular.TableHeader;
import cn.henan.skills.tabular.TabularFile;
import cn.henan.skills.tabular.TabularFileException;
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

  /** @param registry the known units; only those without a parent (the province's direct units) can be allocated to */
  public AllocationImport read(String fileName, byte[] content, Collection<Unit> registry) {
    Table table;
    try {
      table = TabularFile.read(fileName, content);
    } catch (TabularFileException e) {
      return AllocationImport.of(List.of(), List.of(ImportProblem.ofFile(e.getMessage())));
    }
    List<ImportProblem> problems = new ArrayList<>();
    Optional<TableHeader<AllocationColumn>> header = TableHeader.read(table.header(), AllocationColumn.class, problems);
    if (header.isEmpty()) {
      // without knowing the columns the rows cannot be read
      return AllocationImport.of(List.of(), problems);
    }
    if (table.rows().isEmpty()) {
      return AllocationImport.of(List.of(), List.of(ImportProblem.ofFile("文件只有表头，没有任何单位的数据")));
    }
    UnitMatcher units = new UnitMatcher(registry);
    Map<String, Integer> rowOfUnit = new HashMap<>();
    List<AllocationLine> lines = new ArrayList<>();
    for (Table.Row row : table.rows()) {
      new RowReader(header.get(), row, problems).line(units, rowOfUnit).ifPresent(lines::add);
    }
    return AllocationImport.of(lines, problems);
  }

  /** Reads one data row, adding a problem for everything wrong with it. */
  private static final class RowReader {
    private final TableHeader<AllocationColumn> header;
    private final Table.Row row;
    private final List<ImportProblem> problems;
    private final int problemsBefore;

    RowReader(TableHeader<AllocationColumn> header, Table.Row row, List<ImportProblem> problems) {
      this.header = header;
      this.row = row;
      this.problems = problems;
      this.problemsBefore = problems.size();
    }

    Optional<AllocationLine> line(UnitMatcher units, Map<String, Integer> rowOfUnit) {
      if (row.cells().size() != header.width()) {
        problems.add(new ImportProblem(row.number(), null, "有 " + row.cells().size() + " 个单元格，而表头有 "
            + header.width() + " 列：请检查这一行是否多了或少了单元格（逗号）"));
        return Optional.empty();
      }
      Optional<Unit> unit = unit(units, rowOfUnit);
      checkKind(unit);
      Integer training = quota(TRAINING, true);
      Integer certification = quota(CERTIFICATION, true);
      Integer advanced = quota(ADVANCED, false);
      Integer onePlusX = quota(ONE_PLUS_X, false);
      checkAtMost(CERTIFICATION, certification, TRAINING, training);
      checkAtMost(ADVANCED, advanced, CERTIFICATION, certification);
      checkAtMost(ONE_PLUS_X, onePlusX, CERTIFICATION, certification);
      if (problems.size() > problemsBefore) {
        return Optional.empty();
      }
      Unit found = unit.orElseThrow();
      return Optional.of(new AllocationLine(row.number(), found.getCode(), found.getName(), found.getKind(),
          training, certification, advanced, onePlusX));
    }

    private Optional<Unit> unit(UnitMatcher units, Map<String, Integer> rowOfUnit) {
      String name = header.cell(row, UNIT);
      if (name.isEmpty()) {
        problem(UNIT, "不能为空");
        return Optional.empty();
      }
      Optional<Unit> unit = units.find(name);
      if (unit.isEmpty()) {
        problem(UNIT, units.unknown(name));
        return Optional.empty();
      }
      Integer firstRow = rowOfUnit.putIfAbsent(unit.get().getCode(), row.number());
      if (firstRow != null) {
        problem(UNIT, "「" + name + "」与第 " + firstRow + " 行重复：每个单位只能出现一次");
      }
      return unit;
    }

    /** The optional kind column is a cross-check that the row means the unit the registry has under that name. */
    private void checkKind(Optional<Unit> unit) {
      if (!header.has(KIND) || header.cell(row, KIND).isEmpty()) {
        return;
      }
      String written = header.cell(row, KIND);
      String normalized = Names.normalize(written);
      Optional<UnitKind> kind = Arrays.stream(UnitKind.values())
          .filter(k -> normalized.equals(k.code()) || normalized.equals(Names.normalize(k.chineseName())))
          .findFirst();
      if (kind.isEmpty()) {
        problem(KIND, "不是已知的单位类型（\"" + written + "\"）：应为 " + Arrays.stream(UnitKind.values())
            .map(k -> k.chineseName() + "（" + k.code() + "）")
            .collect(Collectors.joining("、")));
      } else if (unit.isPresent() && kind.get() != unit.get().getKind()) {
        problem(KIND, "与单位名册不符（\"" + written + "\"）：「" + unit.get().getName() + "」在名册中是"
            + unit.get().getKind().chineseName());
      }
    }

    /**
     * @param required whether the table must give a number here (training and certification always have one)
     * @return the quota, or null for "no requirement" or when the cell has a problem (then reported)
     */
    private Integer quota(AllocationColumn column, boolean required) {
      String raw = header.cell(row, column);
      try {
        Integer quota = QuotaCell.parse(raw);
        if (quota == null && required) {
          problem(column, raw.isEmpty() ? "不能为空" : "必须填写人数，不能为\"" + raw + "\"");
        }
        return quota;
      } catch (QuotaCell.InvalidQuota e) {
        problem(column, e.getMessage());
        return null;
      }
    }

    private void checkAtMost(AllocationColumn part, Integer partQuota, AllocationColumn whole, Integer wholeQuota) {
      if (partQuota != null && wholeQuota != null && partQuota > wholeQuota) {
        problem(part, part.label() + "（" + partQuota + "）不能大于" + whole.label() + "（" + wholeQuota + "）");
      }
    }

    private void problem(AllocationColumn column, String message) {
      problems.add(new ImportProblem(row.number(), header.name(column), message));
    }
  }
}
