package cn.henan.skills.subdivision;

import java.time.Duration;
import cn.henan.skills.platform.HeavyWork;
import cn.henan.skills.tabular.QuotaImport;
import cn.henan.skills.tabular.QuotaTotals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.quota.Quota;
import cn.henan.skills.tabular.ImportProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SchoolQuotaImporterTest {
  /** 郑州市's row of Attachment 1: 80000 / 70000 / —— / 14000. */
  private static final Quota ZHENGZHOU = new Quota(80000, 70000, null, 14000);
  private static final String HEADER = "学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）,高级工任务说明";
  /** Three schools that together give exactly 郑州市's quota. */
  private static final List<String> SCHOOLS = List.of(
      "郑州市电子信息工程学校,30000,26000,——,5200,",
      "郑州市商贸管理学校,25000,22000,——,4400,",
      "郑州市财贸学校,25000,22000,,4400,");
  private static final List<SchoolQuotaLine> SCHOOL_LINES = List.of(
      new SchoolQuotaLine(2, "郑州市电子信息工程学校", 30000, 26000, null, 5200, null),
      new SchoolQuotaLine(3, "郑州市商贸管理学校", 25000, 22000, null, 4400, null),
      new SchoolQuotaLine(4, "郑州市财贸学校", 25000, 22000, null, 4400, null));

  private final SchoolQuotaImporter importer = new SchoolQuotaImporter(new HeavyWork(1, 4, Duration.ofSeconds(60)));

  // ---- the table in the formats people upload

  @Test
  void utf8Csv() {
    QuotaImport<SchoolQuotaLine> result = importCsv(table());

    assertThat(result.problems()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.problemReport()).isEmpty();
    assertThat(result.lines()).isEqualTo(SCHOOL_LINES);
    assertThat(result.totals()).isEqualTo(new QuotaTotals(80000, 70000, 0, 14000));
  }

  @Test
  void gbkCsvWithCrLfAsExcelOnChineseWindowsSavesIt() {
    byte[] gbk = (String.join("\r\n", table()) + "\r\n").getBytes(Charset.forName("GBK"));

    assertThat(importer.read("郑州市.csv", gbk, "郑州市", ZHENGZHOU).lines()).isEqualTo(SCHOOL_LINES);
  }

  @Test
  void xlsxWithNumericCellsAndMultiLineHeadings() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("郑州市");
      Row header = sheet.createRow(0);
      String[] headings = {"学校\n名称", "培训任务\n（人次）", "取证人数\n（人）", "其中高级工\n及以上（人）", "１＋Ｘ证书\n取证人数（人）"};
      for (int i = 0; i < headings.length; i++) {
        header.createCell(i).setCellValue(headings[i]);
      }
      int[][] quotas = {{30000, 26000, 5200}, {25000, 22000, 4400}, {25000, 22000, 4400}};
      for (int s = 0; s < quotas.length; s++) {
        Row row = sheet.createRow(s + 1);
        row.createCell(0).setCellValue(SCHOOL_LINES.get(s).schoolName());
        row.createCell(1).setCellValue(quotas[s][0]);
        row.createCell(2).setCellValue(quotas[s][1]);
        if (s == 0) {
          row.createCell(3).setCellValue("——");
        } // else: no advanced cell at all, as when a user clears it
        row.createCell(4).setCellValue(quotas[s][2]);
      }
      workbook.write(out);
    }

    QuotaImport<SchoolQuotaLine> result = importer.read("郑州市.xlsx", out.toByteArray(), "郑州市", ZHENGZHOU);

    assertThat(result.problems()).isEmpty();
    assertThat(result.lines()).isEqualTo(SCHOOL_LINES);
    assertThat(result.totals()).isEqualTo(new QuotaTotals(80000, 70000, 0, 14000));
  }

  @Test
  void englishHeadersWithoutTheOptionalColumns() {
    QuotaImport<SchoolQuotaLine> result = importCsv(List.of(
        "school,training_quota,certification_quota,one_plus_x_quota",
        "郑州市电子信息工程学校,30000,26000,5200",
        "郑州市商贸管理学校,25000,22000,4400",
        "郑州市财贸学校,25000,22000,4400"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.lines()).isEqualTo(SCHOOL_LINES);
  }

  // ---- the sums against the city's quota

  @Test
  void sumsThatDoNotCoverTheCityQuotaNameTheNumbers() {
    QuotaImport<SchoolQuotaLine> result = importCsv(table(
        "郑州市电子信息工程学校,20000,16000,——,4200,",
        "郑州市商贸管理学校,25000,22000,——,4400,",
        "郑州市财贸学校,25000,22000,——,4400,"));

    assertRejected(result,
        "各校培训任务合计 70000 人次，少于郑州市的培训任务 80000 人次（还差 10000 人次）",
        "各校取证人数合计 60000 人，少于郑州市的取证人数 70000 人（还差 10000 人）",
        "各校1+X 证书取证人数合计 13000 人，少于郑州市的1+X 证书取证人数 14000 人（还差 1000 人）");
    assertThat(result.problems()).allSatisfy(problem -> {
      assertThat(problem.row()).isNull();
      assertThat(problem.column()).isNull();
    });
  }

  @Test
  void aCityMayGiveItsSchoolsMoreThanItWasGiven() {
    QuotaImport<SchoolQuotaLine> result = importCsv(table(
        "郑州市电子信息工程学校,31000,27000,——,5300,",
        "郑州市商贸管理学校,25000,22000,——,4400,",
        "郑州市财贸学校,25000,22000,——,4400,"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.totals()).isEqualTo(new QuotaTotals(81000, 71000, 0, 14100));
  }

  @Test
  void aCityWithout1PlusXQuotaNeedsNoCoverForIt() {
    QuotaImport<SchoolQuotaLine> result = importer.read("a.csv", csv(table()), "郑州市", new Quota(80000, 70000, null, null));

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void sumsAreNotComparedWhileARowHasAProblem() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,——,5200,",
            "郑州市商贸管理学校,25000,22000,——,4400,",
            "郑州市财贸学校,2500o,22000,——,4400,")),
        "第 4 行「培训任务（人次）」：不是整数（\"2500o\"）");
  }

  // ---- schools

  @Test
  void duplicateSchoolNamesBothRows() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,——,5200,",
            "郑州市商贸管理学校,25000,22000,——,4400,",
            "郑州市 电子信息工程学校,25000,22000,——,4400,",
            "郑州市商贸管理学校,1000,100,——,0,")),
        "第 4 行「学校名称」：「郑州市 电子信息工程学校」与第 2 行「郑州市电子信息工程学校」重复：每所学校只能出现一次",
        "第 5 行「学校名称」：「郑州市商贸管理学校」与第 3 行重复：每所学校只能出现一次");
  }

  @Test
  void schoolNamesWithMarkdownOrHtmlAreRefusedSoTheyAlwaysReadAsPlainText() {
    assertRejected(importCsv(table(
            "[点我](http://evil.example),30000,26000,——,5200,",
            "郑州市<b>商贸</b>学校,25000,22000,——,4400,",
            "郑州市＊财贸学校,25000,22000,——,4400,")),
        "第 2 行「学校名称」：含有字符“[”：名称中不能使用 [ ] < > * _ ` # | { } \\ 这些符号，请只填写单位全称",
        "第 3 行「学校名称」：含有字符“<”：名称中不能使用 [ ] < > * _ ` # | { } \\ 这些符号，请只填写单位全称",
        "第 4 行「学校名称」：含有字符“*”：名称中不能使用 [ ] < > * _ ` # | { } \\ 这些符号，请只填写单位全称");
  }

  @Test
  void schoolNameIsRequiredAndTrimmed() {
    QuotaImport<SchoolQuotaLine> trimmed = importCsv(table(
        " 郑州市电子信息工程学校\u3000,30000,26000,——,5200,",
        "郑州市商贸管理学校,25000,22000,——,4400,",
        "郑州市财贸学校,25000,22000,——,4400,"));
    assertThat(trimmed.lines().get(0).schoolName()).isEqualTo("郑州市电子信息工程学校");

    assertRejected(importCsv(table(",30000,26000,——,5200,")), "第 2 行「学校名称」：不能为空");
  }

  @Test
  void schoolNameOfMoreThan100Characters() {
    String name = "郑州市".repeat(33) + "学校";

    assertRejected(importCsv(table(name + ",80000,70000,——,14000,")),
        "第 2 行「学校名称」：有 101 个字符，超过上限 100 个字符（\"郑州市郑州市郑州市郑州市郑州市郑州市郑州……\"）：请只填写学校全称");
  }

  // ---- advanced-level certificates: strictly controlled for secondary schools

  @Test
  void advancedTaskWithoutReason() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,50,5200,",
            "郑州市商贸管理学校,25000,22000,——,4400,",
            "郑州市财贸学校,25000,22000,——,4400,")),
        "第 2 行「其中高级工及以上（人）」：中职学校严格控制高级工证书：填写高级工任务须说明理由：本行高级工及以上人数为 50，"
            + "「高级工任务说明」却为空");
  }

  @Test
  void advancedTaskInATableWithoutReasonColumn() {
    assertRejected(importCsv(List.of(
            "学校名称,培训任务（人次）,取证人数（人）,高级工（人）,1+X证书取证人数（人）",
            "郑州市电子信息工程学校,30000,26000,50,5200",
            "郑州市商贸管理学校,25000,22000,——,4400",
            "郑州市财贸学校,25000,22000,——,4400")),
        "第 2 行「高级工（人）」：中职学校严格控制高级工证书：填写高级工任务须说明理由：本行高级工及以上人数为 50，"
            + "请增加「高级工任务说明」列（英文表头为 advanced_reason）");
  }

  @Test
  void advancedTaskWithReason() {
    QuotaImport<SchoolQuotaLine> result = importCsv(List.of(
        "学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）,高级工理由",
        "郑州市电子信息工程学校,30000,26000,50,5200,\"五年制高职转段学生,按高职标准考核\"",
        "郑州市商贸管理学校,25000,22000,0,4400,",
        "郑州市财贸学校,25000,22000,——,4400,"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.lines()).containsExactly(
        new SchoolQuotaLine(2, "郑州市电子信息工程学校", 30000, 26000, 50, 5200, "五年制高职转段学生,按高职标准考核"),
        new SchoolQuotaLine(3, "郑州市商贸管理学校", 25000, 22000, 0, 4400, null),
        new SchoolQuotaLine(4, "郑州市财贸学校", 25000, 22000, null, 4400, null));
    assertThat(result.totals()).isEqualTo(new QuotaTotals(80000, 70000, 50, 14000));
  }

  // ---- quotas

  @Test
  void missing1PlusX() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,——,,",
            "郑州市商贸管理学校,25000,22000,——,——,",
            "郑州市财贸学校,25000,22000,——,4400,")),
        "第 2 行「1+X证书取证人数（人）」：不能为空：中职学校的 1+X 证书取证任务须逐校分解，没有 1+X 任务的学校请填 0",
        "第 3 行「1+X证书取证人数（人）」：必须填写人数，不能为\"——\"：中职学校的 1+X 证书取证任务须逐校分解，"
            + "没有 1+X 任务的学校请填 0");
  }

  @Test
  void trainingAndCertificationAreRequired() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,,26000,——,5200,",
            "郑州市商贸管理学校,25000,—,——,4400,",
            "郑州市财贸学校,25000,-3,——,4400,")),
        "第 2 行「培训任务（人次）」：不能为空",
        "第 3 行「取证人数（人）」：必须填写人数，不能为\"—\"",
        "第 4 行「取证人数（人）」：不能为负数（\"-3\"）");
  }

  @Test
  void certificationAboveTraining() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,30001,——,5200,",
            "郑州市商贸管理学校,25000,22000,——,4400,",
            "郑州市财贸学校,25000,22000,——,4400,")),
        "第 2 行「取证人数（人）」：取证人数（30001）不能大于培训任务（30000）");
  }

  @Test
  void advancedAnd1PlusXAboveCertification() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,26001,5200,转段",
            "郑州市商贸管理学校,25000,22000,——,22001,",
            "郑州市财贸学校,25000,22000,——,4400,")),
        "第 2 行「其中高级工及以上（人）」：高级工及以上人数（26001）不能大于取证人数（26000）",
        "第 3 行「1+X证书取证人数（人）」：1+X 证书取证人数（22001）不能大于取证人数（22000）");
  }

  // ---- row shape

  @Test
  void shortAndLongRows() {
    assertRejected(importCsv(table(
            "郑州市电子信息工程学校,30000,26000,——,5200",
            "郑州市商贸管理学校,25000,22000,——,4400,,备注",
            "郑州市财贸学校,25000,22000,——,4400,")),
        "第 2 行：有 5 个单元格，而表头有 6 列：请检查这一行是否多了或少了单元格（逗号）",
        "第 3 行：有 7 个单元格，而表头有 6 列：请检查这一行是否多了或少了单元格（逗号）");
  }

  // ---- the header

  @Test
  void missing1PlusXColumn() {
    assertRejected(importCsv(List.of("学校名称,培训任务（人次）,取证人数（人）", "郑州市财贸学校,80000,70000")),
        "第 1 行：缺少「1+X证书取证人数（人）」列（英文表头为 one_plus_x_quota）");
  }

  @Test
  void unknownColumn() {
    assertRejected(importCsv(List.of(HEADER + ",备注", SCHOOLS.get(0) + ",")),
        "第 1 行「备注」：无法识别的列。本表的列为：「学校名称」、「培训任务（人次）」、「取证人数（人）」、"
            + "「其中高级工及以上（人）」（可选）、「1+X证书取证人数（人）」、「高级工任务说明」（可选）；"
            + "或英文表头 school, training_quota, certification_quota, advanced_or_above_quota, one_plus_x_quota, "
            + "advanced_reason");
  }

  @Test
  void twoColumnsForTheSameQuantityAndAColumnWithoutHeader() {
    assertRejected(importCsv(List.of(
            "学校名称,培训任务,,取证人数,certification_quota,1+X",
            "郑州市财贸学校,80000,,70000,70000,14000")),
        "第 1 行：第 3 列没有表头：表头须写在同一行，不要合并单元格或分成两行",
        "第 1 行「certification_quota」：与第 4 列「取证人数」重复，都是「取证人数（人）」列");
  }

  @Test
  void reasonHeadingsAreNotTakenForTheAdvancedOrSchoolColumn() {
    for (String heading : List.of("高级工任务说明", "学校填报高级工的理由", "高级工原因")) {
      QuotaImport<SchoolQuotaLine> result = importCsv(List.of(
          "学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）," + heading,
          "郑州市财贸学校,80000,70000,10,14000,转段学生"));

      assertThat(result.problems()).as(heading).isEmpty();
      assertThat(result.lines().get(0).advancedReason()).isEqualTo("转段学生");
    }
  }

  @Test
  void headerOnly() {
    assertRejected(importCsv(List.of(HEADER)), "文件只有表头，没有任何学校的数据");
  }

  // ---- files that are not a table

  @Test
  void emptyFile() {
    assertRejected(importer.read("郑州市.csv", new byte[0], "郑州市", ZHENGZHOU), "文件「郑州市.csv」是空的（0 字节）");
  }

  // ---- helpers

  /** The valid table, or the header with {@code rows} instead of the three schools. */
  private static List<String> table(String... rows) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(rows.length == 0 ? SCHOOLS : List.of(rows));
    return lines;
  }

  private QuotaImport<SchoolQuotaLine> importCsv(List<String> lines) {
    return importer.read("郑州市中职学校任务.csv", csv(lines), "郑州市", ZHENGZHOU);
  }

  private static byte[] csv(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRejected(QuotaImport<SchoolQuotaLine> result, String... problems) {
    assertThat(result.problems()).extracting(ImportProblem::describe).containsExactly(problems);
    assertThat(result.problemReport()).isEqualTo(String.join("\n", problems));
    assertThat(result.lines()).isEmpty();
    assertThat(result.ok()).isFalse();
  }
}
