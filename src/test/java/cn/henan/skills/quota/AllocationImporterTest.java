package cn.henan.skills.quota;

import java.time.Duration;
import cn.henan.skills.platform.HeavyWork;
import cn.henan.skills.tabular.QuotaImport;
import cn.henan.skills.tabular.QuotaTotals;

import cn.henan.skills.tabular.ImportProblem;
import cn.henan.skills.tabular.Names;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.tabular.TabularFile;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AllocationImporterTest {
  private static final List<Unit> REGISTRY = Shipped2022.registry();
  private static final String HEADER = "seq,unit,kind,training_quota,certification_quota,advanced_or_above_quota,"
      + "one_plus_x_quota";
  /** Attachment 1's headings as the notice prints them, spaces included. */
  private static final List<String> ATTACHMENT_HEADINGS = List.of("序号", "省辖市、济源示范区、 省直管县（市）、学校",
      "培训任务 （人次）", "取证人数（人）", "其中高级工及 以上（人）", "1+X 证书 取证人数 （人）");
  /** Names the notice spells with spaces and other brackets than the registry. */
  private static final Map<Integer, String> NOTICE_SPELLINGS = Map.of(
      96, "郑州工业安全职业学院 (含河南信息工程学校)",
      139, "河南轻工职业学院 （含河南省工业设计学校、 河南省轻工业学校）",
      144, "河南测绘职业学院 （含郑州测绘学校）",
      145, "河南物流职业学院 （含河南省财经学校、 河南省工业科技学校）",
      148, "河南地矿职业学院 （含河南省电子科技学校）",
      149, "河南女子职业学院 （含河南省幼儿师范学校）",
      150, "河南对外经济贸易职业学院 （含河南省外贸学校）",
      151, "郑州电子商务职业学院 （含河南辅读中等职业学校）");

  /** What an unknown name's refusal adds: how the province states a rename or a new unit. */
  private static final String STATE_IT = "如该单位今年更名，请在“原单位名称”列填写它在单位名册中的原名称；"
      + "如为新增单位，请在该列填写“新增”并填写单位类型";

  private final AllocationImporter importer = new AllocationImporter(new HeavyWork(1, 4, Duration.ofSeconds(60)));

  // ---- the table in the formats people upload

  @Test
  void shippedTableImports() {
    QuotaImport<AllocationLine> result = importer.read("allocation-2022.csv", Shipped2022.bytes(), REGISTRY);

    assertThat(result.problems()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.lines()).hasSize(171);
    assertThat(result.lines()).extracting(AllocationLine::unitCode)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 171).mapToObj(i -> String.format("u%03d", i)).toList());
    assertThat(result.totals()).isEqualTo(new QuotaTotals(1_100_000, 800_000, 310_000, 150_000));
    assertThat(line(result, "u001"))
        .isEqualTo(new AllocationLine(2, "u001", "郑州市", UnitKind.PREFECTURE_CITY, 80000, 70000, null, 14000, AllocationLine.Statement.NONE));
    assertThat(line(result, "u029"))
        .isEqualTo(new AllocationLine(30, "u029", "河南理工大学", UnitKind.UNDERGRADUATE, 500, 450, 300, 90, AllocationLine.Statement.NONE));
    assertThat(line(result, "u033").onePlusX()).isNull();
    assertThat(line(result, "u033").advanced()).isNull();
    assertThat(result.problemReport()).isEmpty();
  }

  @Test
  void attachmentOneAsGbkCsvWithChineseHeadingsDashesAndTheNoticeSpellings() {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", ATTACHMENT_HEADINGS));
    for (int seq = 1; seq <= 171; seq++) {
      String[] cells = Shipped2022.cells(seq);
      String dash = seq % 2 == 0 ? "——" : "—";
      lines.add(String.join(",", cells[0], NOTICE_SPELLINGS.getOrDefault(seq, cells[1]), cells[3], cells[4],
          cells[5].isEmpty() ? dash : cells[5], cells[6].isEmpty() ? dash : cells[6]));
    }
    byte[] gbk = (String.join("\r\n", lines) + "\r\n").getBytes(Charset.forName("GBK"));

    assertThat(importer.read("附件1.csv", gbk, REGISTRY).lines()).isEqualTo(shippedLines());
  }

  @Test
  void utf8CsvWithByteOrderMarkAsExcelSavesIt() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] shipped = Shipped2022.bytes();
    byte[] content = Arrays.copyOf(bom, bom.length + shipped.length);
    System.arraycopy(shipped, 0, content, bom.length, shipped.length);

    assertThat(importer.read("allocation.csv", content, REGISTRY).lines()).isEqualTo(shippedLines());
  }

  @Test
  void xlsxWithNumericCellsMultiLineHeadingsAndChineseKindNames() throws IOException {
    byte[] content = xlsx(sheet -> {
      cells(sheet.createRow(0), "序号", "单位名称", "单位类型", "培训任务\n（人次）", "取证人数\n（人）",
          "其中高级工\n及以上（人）", "１＋Ｘ证书\n取证人数（人）");
      for (int seq = 1; seq <= 171; seq++) {
        String[] cells = Shipped2022.cells(seq);
        Row row = sheet.createRow(seq);
        row.createCell(0).setCellValue(seq);
        row.createCell(1).setCellValue(cells[1]);
        row.createCell(2).setCellValue(UnitKind.fromCode(cells[2]).orElseThrow().chineseName());
        for (int i = 3; i <= 6; i++) {
          if (!cells[i].isEmpty()) {
            row.createCell(i).setCellValue(Double.parseDouble(cells[i]));
          } else if (seq % 2 == 0) {
            row.createCell(i).setCellValue("——");
          } // else: no cell at all, as when a user clears it; a trailing one makes the row look short to POI
        }
      }
    });

    assertThat(importer.read("附件1.xlsx", content, REGISTRY).lines()).isEqualTo(shippedLines());
  }

  // ---- the header

  @Test
  void missingColumn() {
    List<String> lines = Shipped2022.lines().stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();

    assertRejected(importCsv(lines),
        "第 1 行：缺少「1+X证书取证人数（人）」列（英文表头为 one_plus_x_quota）");
  }

  @Test
  void unknownExtraColumn() {
    List<String> lines = new ArrayList<>(Shipped2022.lines());
    lines.replaceAll(line -> line + ",");
    lines.set(0, HEADER + ",备注");

    assertRejected(importCsv(lines), "第 1 行「备注」：无法识别的列。本表的列为：「序号」（可选）、"
        + "「省辖市、济源示范区、省直管县（市）、学校」、「类型」（可选）、「培训任务（人次）」、「取证人数（人）」、「其中高级工及以上（人）」、"
        + "「1+X证书取证人数（人）」、「原单位名称」（可选）；或英文表头 seq, unit, kind, training_quota, "
        + "certification_quota, advanced_or_above_quota, one_plus_x_quota, former_name");
  }

  @Test
  void theNoticeTwoRowHeadingLeavesAColumnWithoutHeader() {
    QuotaImport<AllocationLine> result = importCsv(List.of(
        "序号,省辖市、济源示范区、省直管县（市）、学校,培训任务（人次）,取证人数（人）,,1+X证书取证人数（人）",
        ",,,,其中高级工及以上（人）,",
        "1,郑州市,80000,70000,——,14000"));

    assertRejected(result,
        "第 1 行：第 5 列没有表头：表头须写在同一行，不要合并单元格或分成两行",
        "第 1 行：缺少「其中高级工及以上（人）」列（英文表头为 advanced_or_above_quota）");
  }

  @Test
  void twoColumnsForTheSameQuantity() {
    QuotaImport<AllocationLine> result = importCsv(List.of(
        "单位,培训任务,取证人数,certification_quota,高级工,1+X",
        "郑州市,80000,70000,70000,,14000"));

    assertRejected(result, "第 1 行「certification_quota」：与第 3 列「取证人数」重复，都是「取证人数（人）」列");
  }

  @Test
  void headerOnly() {
    assertRejected(importCsv(List.of(HEADER)), "文件只有表头，没有任何单位的数据");
  }

  // ---- row shape

  @Test
  void shortRow() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,1200")),
        "第 44 行：有 6 个单元格，而表头有 7 列：请检查这一行是否多了或少了单元格（逗号）");
  }

  @Test
  void longRow() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,1200,240,备注")),
        "第 44 行：有 8 个单元格，而表头有 7 列：请检查这一行是否多了或少了单元格（逗号）");
  }

  @Test
  void unitNamesWithMarkdownOrHtmlAreRefused() {
    assertRejected(importCsv(withLine(4, "4,[平顶山市](http://evil.example),prefecture_city,4000,1200,,690")),
        "第 5 行「unit」：含有字符“[”：名称中不能使用 [ ] < > * _ ` # | { } \\ 这些符号，请只填写单位全称");
  }

  // ---- numbers

  @Test
  void notAnInteger() {
    assertRejected(importCsv(withLine(4, "4,平顶山市,prefecture_city,4000,12a,,690")),
        "第 5 行「certification_quota」：不是整数（\"12a\"）");
  }

  @Test
  void fraction() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,1.5,240")),
        "第 44 行「advanced_or_above_quota」：不是整数（\"1.5\"）：人数必须是整数，不能有小数");
  }

  @Test
  void exponentNotationIsNotAnInteger() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,1e5,2490,1200,240")),
        "第 44 行「training_quota」：不是整数（\"1e5\"）");
  }

  @Test
  void negative() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,1200,-3")),
        "第 44 行「one_plus_x_quota」：不能为负数（\"-3\"）");
  }

  @Test
  void overTheMaximum() {
    assertRejected(importCsv(withLine(1, "1,郑州市,prefecture_city,12000000,70000,,14000")),
        "第 2 行「training_quota」：超过上限 10000000（\"12000000\"）");
  }

  @Test
  void thousandsSeparatorsHalfAndFullWidth() {
    List<String> lines = withLine(43, "43,郑州师范学院,undergraduate,\"6,000\",\"2,490\",1200,240");
    lines.set(44, "44,河南牧业经济学院,undergraduate,10000,4430,2300,4６0");
    lines.set(45, "45,信阳农林学院,undergraduate,5500,2160,\"1，000\",200");

    assertRejected(importCsv(lines),
        "第 44 行「training_quota」：不是整数（\"6,000\"）：请去掉千位分隔符（逗号）",
        "第 44 行「certification_quota」：不是整数（\"2,490\"）：请去掉千位分隔符（逗号）",
        "第 46 行「advanced_or_above_quota」：不是整数（\"1，000\"）：请去掉千位分隔符（逗号）");
  }

  @Test
  void trainingAndCertificationMustBeGiven() {
    List<String> lines = withLine(1, "1,郑州市,prefecture_city,,70000,,14000");
    lines.set(2, "2,开封市,prefecture_city,15000,——,,2570");

    assertRejected(importCsv(lines),
        "第 2 行「training_quota」：不能为空",
        "第 3 行「certification_quota」：必须填写人数，不能为\"——\"");
  }

  @Test
  void wholeNumbersWrittenAsDecimalsAndFullWidthDigitsAreAccepted() {
    QuotaImport<AllocationLine> result = importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000.0,２４９０,1200,240"));

    assertThat(result.problems()).isEmpty();
    assertThat(line(result, "u043").training()).isEqualTo(6000);
    assertThat(line(result, "u043").certification()).isEqualTo(2490);
  }

  // ---- units

  @Test
  void unknownUnitSuggestsTheClosestName() {
    assertRejected(importCsv(withLine(43, "43,郑州师苑学院,undergraduate,6000,2490,1200,240")),
        "第 44 行「unit」：单位名册中没有「郑州师苑学院」，是否为「郑州师范学院」？" + STATE_IT);
  }

  @Test
  void unitWithoutItsBracketedPartSuggestsTheFullName() {
    assertRejected(importCsv(withLine(144, "144,河南测绘职业学院,higher_vocational,4000,3160,2000,640")),
        "第 145 行「unit」：单位名册中没有「河南测绘职业学院」，是否为「河南测绘职业学院（含郑州测绘学校）」？" + STATE_IT);
  }

  @Test
  void unknownUnitFarFromEveryNameGetsNoSuggestion() {
    List<String> lines = withLine(43, "43,北京市海淀区职业技术学校,undergraduate,6000,2490,1200,240");
    lines.set(74, "74,北京大学,higher_vocational,7000,5580,4500,1120");

    assertRejected(importCsv(lines),
        "第 44 行「unit」：单位名册中没有「北京市海淀区职业技术学校」：请使用通知附件 1 中的单位全称。" + STATE_IT,
        "第 75 行「unit」：单位名册中没有「北京大学」：请使用通知附件 1 中的单位全称。" + STATE_IT);
  }

  @Test
  void misspeltShortNameStillGetsASuggestion() {
    assertRejected(importCsv(withLine(1, "1,郑洲市,prefecture_city,80000,70000,,14000")),
        "第 2 行「unit」：单位名册中没有「郑洲市」，是否为「郑州市」？" + STATE_IT);
  }

  @Test
  void schoolsUnderACityAreNotProvincialUnits() {
    List<Unit> registry = new ArrayList<>(REGISTRY);
    registry.add(new Unit("u001-s01", "郑州市电子信息工程学校", UnitKind.SECONDARY_VOCATIONAL, "u001", 1));

    QuotaImport<AllocationLine> result = importer.read("a.csv",
        csv(withLine(43, "43,郑州市电子信息工程学校,secondary_vocational,600,490,,90")), registry);

    assertRejected(result, "第 44 行「unit」：单位名册中没有「郑州市电子信息工程学校」：请使用通知附件 1 中的单位全称。"
        + STATE_IT);
  }

  // ---- renamed and new units, stated in the 原单位名称 column (former_name)

  @Test
  void aRenameStatedWithTheFormerNameKeepsTheCodeAndANewUnitWaitsForItsCode() {
    QuotaImport<AllocationLine> result = importCsv(withFormerNames(Map.of(
        88, "88,焦作师范职业学院,higher_vocational,4500,3750,3100,750,焦作师范高等专科学校",
        172, "172,郑州智能科技职业学院,高职院校,1500,1200,800,240,新增")));

    assertThat(result.problems()).isEmpty();
    assertThat(line(result, "u088")).isEqualTo(new AllocationLine(89, "u088", "焦作师范职业学院",
        UnitKind.HIGHER_VOCATIONAL, 4500, 3750, 3100, 750, AllocationLine.Statement.RENAMED));
    assertThat(result.lines()).filteredOn(l -> l.statement() == AllocationLine.Statement.NEW_UNIT)
        .containsExactly(new AllocationLine(173, null, "郑州智能科技职业学院", UnitKind.HIGHER_VOCATIONAL, 1500, 1200,
            800, 240, AllocationLine.Statement.NEW_UNIT));
  }

  @Test
  void aNewUnitNeedsItsKind() {
    assertRejected(importCsv(withFormerNames(Map.of(172, "172,郑州智能科技职业学院,,1500,1200,800,240,新增"))),
        "第 173 行「kind」：新增单位必须填写单位类型，系统据此把它列入相应类别并分配代码");
  }

  @Test
  void aFormerNameMustBeARegistryName() {
    assertRejected(importCsv(withFormerNames(Map.of(
            88, "88,焦作师范职业学院,higher_vocational,4500,3750,3100,750,焦作师范高专"))),
        "第 89 行「former_name」：单位名册中没有「焦作师范高专」：请使用通知附件 1 中的单位全称："
            + "原单位名称应为该单位在单位名册中的名称，新增单位填写“新增”");
  }

  @Test
  void aNameAlreadyInTheRegistryIsNotANewName() {
    assertRejected(importCsv(withFormerNames(Map.of(
            172, "172,河南理工大学,undergraduate,1500,1200,800,240,新增"))),
        "第 173 行「former_name」：「河南理工大学」已在单位名册中（u029），不是新名称：原单位名称一列只用于更名或新增的单位，请清空");
  }

  @Test
  void unitTwice() {
    assertRejected(importCsv(withLine(43, "43, 郑州市 ,prefecture_city,6000,2490,,240")),
        "第 44 行「unit」：「郑州市」与第 2 行重复：每个单位只能出现一次");
  }

  @Test
  void emptyUnit() {
    assertRejected(importCsv(withLine(43, "43,,undergraduate,6000,2490,1200,240")), "第 44 行「unit」：不能为空");
  }

  @Test
  void kindThatDisagreesWithTheRegistry() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,高职院校,6000,2490,1200,240")),
        "第 44 行「kind」：与单位名册不符（\"高职院校\"）：「郑州师范学院」在名册中是应用型本科院校");
  }

  @Test
  void unknownKind() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,大学,6000,2490,1200,240")),
        "第 44 行「kind」：不是已知的单位类型（\"大学\"）：应为 省辖市（prefecture_city）、济源示范区（demonstration_zone）、"
            + "省直管县（市）（county_city）、应用型本科院校（undergraduate）、职业本科院校（vocational_undergraduate）、"
            + "高职院校（higher_vocational）、中等职业学校（secondary_vocational）");
  }

  // ---- the table's invariants

  @Test
  void certificationAboveTraining() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,6001,1200,240")),
        "第 44 行「certification_quota」：取证人数（6001）不能大于培训任务（6000）");
  }

  @Test
  void advancedAboveCertification() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,2491,240")),
        "第 44 行「advanced_or_above_quota」：高级工及以上人数（2491）不能大于取证人数（2490）");
  }

  @Test
  void onePlusXAboveCertification() {
    assertRejected(importCsv(withLine(43, "43,郑州师范学院,undergraduate,6000,2490,1200,2500")),
        "第 44 行「one_plus_x_quota」：1+X 证书取证人数（2500）不能大于取证人数（2490）");
  }

  @Test
  void everyProblemOfTheFileIsReportedInFileOrder() {
    List<String> lines = withLine(2, "2,开封市,prefecture_city,15000,12850,,2570x");
    lines.set(29, "29,河南理工大学,undergraduate,500,450,300,900");
    lines.set(171, "171,河南卫生健康干部学院,secondary_vocational,-1500,1240,,250");

    QuotaImport<AllocationLine> result = importCsv(lines);

    assertThat(result.lines()).isEmpty();
    assertThat(result.problemReport()).isEqualTo("""
        第 3 行「one_plus_x_quota」：不是整数（"2570x"）
        第 30 行「one_plus_x_quota」：1+X 证书取证人数（900）不能大于取证人数（450）
        第 172 行「training_quota」：不能为负数（"-1500"）""");
  }

  // ---- files that are not a table

  @Test
  void emptyFile() {
    assertRejected(importer.read("附件1.csv", new byte[0], REGISTRY), "文件「附件1.csv」是空的（0 字节）");
  }

  @Test
  void fileOverTheSizeLimit() {
    byte[] content = new byte[TabularFile.MAX_BYTES + 1];
    Arrays.fill(content, (byte) ',');

    assertRejected(importer.read("附件1.csv", content, REGISTRY),
        "文件「附件1.csv」大小为 5.00 MiB（5242881 字节），超过上限 5 MiB");
  }

  @Test
  void pdfAndPng() {
    assertRejected(importer.read("附件1.pdf", "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), REGISTRY),
        "文件「附件1.pdf」不是 CSV 或 XLSX 文件（内容为 PDF 格式）：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
    assertRejected(importer.read("附件1.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, REGISTRY),
        "文件「附件1.png」不是 CSV 或 XLSX 文件（内容为 PNG 格式）：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
  }

  @Test
  void oldExcelFormat() throws IOException {
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet().createRow(0).createCell(0).setCellValue("序号");
      workbook.write(xls);
    }

    assertRejected(importer.read("附件1.xls", xls.toByteArray(), REGISTRY),
        "文件「附件1.xls」是旧版 Excel 格式（.xls）或加了密码的工作簿，无法读取。"
            + "请在 Excel 中「另存为」Excel 工作簿（.xlsx）或 CSV（逗号分隔），不设密码，再重新上传");
  }

  @Test
  void corruptXlsx() {
    byte[] content = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    assertRejected(importer.read("附件1.xlsx", content, REGISTRY), "文件「附件1.xlsx」无法作为 XLSX 读取："
        + "文件已损坏或不是 Excel 工作簿。请在 Excel 中打开后「另存为」Excel 工作簿（.xlsx）或 CSV，再重新上传");
  }

  @Test
  void problemWithoutRowOrColumnIsJustTheMessage() {
    assertThat(new ImportProblem(null, null, "文件是空的").describe()).isEqualTo("文件是空的");
    assertThat(new ImportProblem(1, null, "缺少列").describe()).isEqualTo("第 1 行：缺少列");
    assertThat(new ImportProblem(5, "取证人数", "不是整数（\"12a\"）").describe())
        .isEqualTo("第 5 行「取证人数」：不是整数（\"12a\"）");
  }

  // ---- helpers

  private static List<AllocationLine> shippedLines() {
    return new AllocationImporter(new HeavyWork(1, 4, Duration.ofSeconds(60))).read("allocation-2022.csv", Shipped2022.bytes(), REGISTRY).lines();
  }

  private static AllocationLine line(QuotaImport<AllocationLine> result, String unitCode) {
    return result.lines().stream().collect(Collectors.toMap(AllocationLine::unitCode, Function.identity()))
        .get(unitCode);
  }

  /** The shipped table's lines with the data line for {@code seq} replaced (it is file row seq + 1). */
  private static List<String> withLine(int seq, String line) {
    List<String> lines = new ArrayList<>(Shipped2022.lines());
    lines.set(seq, line);
    return lines;
  }

  /**
   * The shipped table with a former_name column, empty but for the given lines (by seq; a seq after the last, 172,
   * is added at the end).
   */
  private static List<String> withFormerNames(Map<Integer, String> stated) {
    List<String> lines = new ArrayList<>(Shipped2022.lines().stream().map(line -> line + ",").toList());
    lines.set(0, HEADER + ",former_name");
    stated.forEach((seq, line) -> {
      if (seq < lines.size()) {
        lines.set(seq, line);
      } else {
        lines.add(line);
      }
    });
    return lines;
  }

  private QuotaImport<AllocationLine> importCsv(List<String> lines) {
    return importer.read("allocation.csv", csv(lines), REGISTRY);
  }

  private static byte[] csv(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRejected(QuotaImport<AllocationLine> result, String... problems) {
    assertThat(result.problems()).extracting(ImportProblem::describe).containsExactly(problems);
    assertThat(result.lines()).isEmpty();
    assertThat(result.ok()).isFalse();
  }

  private interface SheetWriter {
    void write(Sheet sheet);
  }

  private static byte[] xlsx(SheetWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      writer.write(workbook.createSheet("附件1"));
      workbook.write(out);
    }
    return out.toByteArray();
  }

  private static void cells(Row row, String... texts) {
    for (int i = 0; i < texts.length; i++) {
      row.createCell(i).setCellValue(texts[i]);
    }
  }
}
