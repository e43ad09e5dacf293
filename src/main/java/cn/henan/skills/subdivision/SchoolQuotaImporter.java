package cn.henan.skills.subdivision;

import cn.henan.skills.tabular.QuotaImport;
import cn.henan.skills.tabular.QuotaTotals;

import static cn.henan.skills.subdivision.SchoolQuotaColumn.ADVANCED;
import static cn.henan.skills.subdivision.SchoolQuotaColumn.ADVANCED_REASON;
import static cn.henan.skills.subdivision.SchoolQuotaColumn.CERTIFICATION;
import static cn.henan.skills.subdivision.SchoolQuotaColumn.ONE_PLUS_X;
import static cn.henan.skills.subdivision.SchoolQuotaColumn.SCHOOL;
import static cn.henan.skills.subdivision.SchoolQuotaColumn.TRAINING;

import cn.henan.skills.quota.Quota;
import cn.henan.skills.platform.HeavyWork;
import cn.henan.skills.tabular.ColumnTable;
import cn.henan.skills.tabular.ImportProblem;
import cn.henan.skills.tabular.Names;
import cn.henan.skills.tabular.Table;
import cn.henan.skills.tabular.TableHeader;
import cn.henan.skills.tabular.TableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads and checks the table in which a city or county bureau splits its quota over its secondary vocational schools
 * (section 二 of 教办职成〔2022〕50号: "合理分解下达所属学校的培训、取证任务"). Every problem is reported with its row,
 * column and value, and a file with any problem imports nothing.
 */
@Service
public class SchoolQuotaImporter {
  static final int MAX_SCHOOL_NAME = 100;

  private static final String ONE_PLUS_X_REQUIRED =
      "中职学校的 1+X 证书取证任务须逐校分解，没有 1+X 任务的学校请填 0";
  private static final String ADVANCED_NEEDS_REASON = "中职学校严格控制高级工证书：填写高级工任务须说明理由";

  private final HeavyWork heavyWork;

  public SchoolQuotaImporter(HeavyWork heavyWork) {
    this.heavyWork = heavyWork;
  }

  /**
   * @param cityName the city's name, for messages, e.g. 郑州市
   * @param cityQuota the city's own annual task, which the schools' tasks together must cover
   */
  public QuotaImport<SchoolQuotaLine> read(String fileName, byte[] content, String cityName, Quota cityQuota) {
    Objects.requireNonNull(cityName, "cityName");
    Objects.requireNonNull(cityQuota, "cityQuota");
    List<ImportProblem> problems = new ArrayList<>();
    Optional<ColumnTable<SchoolQuotaColumn>> table = heavyWork.run(HeavyWork.Kind.TABLE,
        () -> ColumnTable.read(fileName, content, SchoolQuotaColumn.class, "学校", problems));
    if (table.isEmpty()) {
      return QuotaImport.of(List.of(), problems);
    }
    TableHeader<SchoolQuotaColumn> header = table.get().header();
    String reasonColumn = header.has(ADVANCED_REASON) ? header.name(ADVANCED_REASON) : null;
    Map<String, Seen> rowOfSchool = new HashMap<>();
    List<SchoolQuotaLine> lines = new ArrayList<>();
    for (Table.Row row : table.get().rows()) {
      table.get().row(row, problems).flatMap(cells -> line(cells, reasonColumn, rowOfSchool)).ifPresent(lines::add);
    }
    // the sums mean something only when every school's numbers could be read
    if (problems.isEmpty()) {
      checkCovers(QuotaTotals.of(lines), cityName, cityQuota, problems);
    }
    return QuotaImport.of(lines, problems);
  }

  /** @param reasonColumn the reason column as the file names it, or null when the file has none */
  private static Optional<SchoolQuotaLine> line(TableRow<SchoolQuotaColumn> row, String reasonColumn,
      Map<String, Seen> rowOfSchool) {
    String school = school(row, rowOfSchool);
    Integer training = row.requiredQuota(TRAINING);
    Integer certification = row.requiredQuota(CERTIFICATION);
    Integer advanced = row.quota(ADVANCED);
    Integer onePlusX = row.requiredQuota(ONE_PLUS_X, ONE_PLUS_X_REQUIRED);
    String reason = row.text(ADVANCED_REASON);
    if (advanced != null && advanced > 0 && reason.isEmpty()) {
      row.problem(ADVANCED, ADVANCED_NEEDS_REASON + "：本行高级工及以上人数为 " + advanced + "，" + (reasonColumn != null
          ? "「" + reasonColumn + "」却为空"
          : "请增加「" + ADVANCED_REASON.heading() + "」列（英文表头为 " + ADVANCED_REASON.english() + "）"));
    }
    row.checkAtMost(CERTIFICATION, certification, TRAINING, training);
    row.checkAtMost(ADVANCED, advanced, CERTIFICATION, certification);
    row.checkAtMost(ONE_PLUS_X, onePlusX, CERTIFICATION, certification);
    if (!row.ok()) {
      return Optional.empty();
    }
    return Optional.of(new SchoolQuotaLine(row.number(), school, training, certification, advanced, onePlusX,
        reason.isEmpty() ? null : reason));
  }

  /** Schools are not in the unit registry yet (this table creates them), so the name is only checked for form. */
  private static String school(TableRow<SchoolQuotaColumn> row, Map<String, Seen> rowOfSchool) {
    String name = row.text(SCHOOL);
    if (name.isEmpty()) {
      row.problem(SCHOOL, "不能为空");
      return null;
    }
    Optional<String> markup = Names.markupProblem(name);
    if (markup.isPresent()) {
      row.problem(SCHOOL, markup.get());
      return null;
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_SCHOOL_NAME) {
      row.problem(SCHOOL, "有 " + length + " 个字符，超过上限 " + MAX_SCHOOL_NAME + " 个字符（\""
          + name.substring(0, name.offsetByCodePoints(0, 20)) + "……\"）：请只填写学校全称");
      return null;
    }
    Seen first = rowOfSchool.putIfAbsent(Names.normalize(name), new Seen(row.number(), name));
    if (first != null) {
      // the earlier spelling shows why 「郑州市财贸学校」 and 「郑州市 财贸学校」 are the same school
      String earlier = first.name().equals(name) ? "" : "「" + first.name() + "」";
      row.problem(SCHOOL, "「" + name + "」与第 " + first.row() + " 行" + earlier + "重复：每所学校只能出现一次");
    }
    return name;
  }

  private record Seen(int row, String name) {
  }

  /** Over-assigning is allowed (the city may give its schools more than it was given), falling short is not. */
  private static void checkCovers(QuotaTotals totals, String cityName, Quota cityQuota,
      List<ImportProblem> problems) {
    checkCovers(TRAINING, "人次", totals.training(), cityQuota.training(), cityName, problems);
    checkCovers(CERTIFICATION, "人", totals.certification(), cityQuota.certification(), cityName, problems);
    if (cityQuota.onePlusX() != null) {
      checkCovers(ONE_PLUS_X, "人", totals.onePlusX(), cityQuota.onePlusX(), cityName, problems);
    }
  }

  private static void checkCovers(SchoolQuotaColumn column, String unit, long sum, int cityQuota, String cityName,
      List<ImportProblem> problems) {
    if (sum < cityQuota) {
      problems.add(ImportProblem.ofFile("各校" + column.label() + "合计 " + sum + " " + unit + "，少于" + cityName + "的"
          + column.label() + " " + cityQuota + " " + unit + "（还差 " + (cityQuota - sum) + " " + unit + "）"));
    }
  }
}
