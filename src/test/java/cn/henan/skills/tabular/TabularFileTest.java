package cn.henan.skills.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularFileTest {

  @Test
  void quotedCsvFieldsKeepCommasQuotesAndLineBreaks() {
    Table table = csv("名称,备注,数量\n\"甲,乙\",\"他说\"\"好\"\"\",\"第一行\n第二行\"\n丙,,3\n");

    assertThat(table.header()).isEqualTo(new Table.Row(1, List.of("名称", "备注", "数量")));
    assertThat(table.rows()).containsExactly(
        new Table.Row(2, List.of("甲,乙", "他说\"好\"", "第一行\n第二行")),
        new Table.Row(4, List.of("丙", "", "3")));
  }

  @Test
  void csvLinesMayEndInCrLfOrCrAndTheLastNeedsNoLineBreak() {
    Table table = csv("a,b\r\n1,2\r3,4");

    assertThat(table.rows()).containsExactly(new Table.Row(2, List.of("1", "2")), new Table.Row(3, List.of("3", "4")));
  }

  @Test
  void blankRowsAreSkippedAndCellsTrimmedWithRowNumbersKept() {
    Table table = csv("\n 序号 ,\u3000单位\u3000\n,\n 1 ,郑州市 \n");

    assertThat(table.header()).isEqualTo(new Table.Row(2, List.of("序号", "单位")));
    assertThat(table.rows()).containsExactly(new Table.Row(4, List.of("1", "郑州市")));
  }

  @Test
  void blankCellsBeyondTheHeaderAreDroppedButShortCsvRowsStayShort() {
    Table table = csv("a,b,c,,\n1,2,3,,\n4,5\n");

    assertThat(table.header().cells()).containsExactly("a", "b", "c");
    assertThat(table.rows()).extracting(Table.Row::cells)
        .containsExactly(List.of("1", "2", "3"), List.of("4", "5"));
  }

  @Test
  void utf8ByteOrderMarkIsNotPartOfTheFirstHeader() {
    byte[] content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "序号,单位\n1,郑州市\n".getBytes(StandardCharsets.UTF_8));

    Table table = TabularFile.read("a.csv", content);

    assertThat(table.header().cells()).containsExactly("序号", "单位");
  }

  @Test
  void gbkCsvFromExcelOnChineseWindowsIsDecoded() {
    Table table = TabularFile.read("a.csv", "序号,单位\n1,河南轻工职业学院（含河南省工业设计学校）\n".getBytes(Charset.forName("GBK")));

    assertThat(table.rows().get(0).cells()).containsExactly("1", "河南轻工职业学院（含河南省工业设计学校）");
  }

  @Test
  void typeComesFromTheContentNotTheFileName() throws IOException {
    byte[] xlsx = xlsx(sheet -> cells(sheet.createRow(0), "单位"));

    assertThat(TabularFile.read("allocation.csv", xlsx).header().cells()).containsExactly("单位");
    assertThat(TabularFile.read("allocation.xlsx", "单位\n".getBytes(StandardCharsets.UTF_8)).header().cells())
        .containsExactly("单位");
  }

  @Test
  void xlsxCellsReadAsTheirStoredValues() throws IOException {
    byte[] content = xlsx(sheet -> {
      cells(sheet.createRow(0), "整数", "小数", "千分位格式", "公式", "日期", "文字");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(80000);
      row.createCell(1).setCellValue(1.5);
      CellStyle thousands = sheet.getWorkbook().createCellStyle();
      thousands.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("#,##0"));
      row.createCell(2).setCellValue(12345);
      row.getCell(2).setCellStyle(thousands);
      row.createCell(3).setCellFormula("A2+B2*2");
      CellStyle date = sheet.getWorkbook().createCellStyle();
      date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
      row.createCell(4).setCellValue(LocalDate.of(2022, 3, 2));
      row.getCell(4).setCellStyle(date);
      row.createCell(5).setCellValue(" ——");
      sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
    });

    Table table = TabularFile.read("a.xlsx", content);

    assertThat(table.rows()).containsExactly(
        new Table.Row(2, List.of("80000", "1.5", "12345", "80003", "2022-03-02", "——")));
  }

  @Test
  void xlsxRowsMissingTrailingCellsArePaddedAndOnlyTheFirstSheetIsRead() throws IOException {
    byte[] content = xlsx(sheet -> {
      cells(sheet.createRow(0), "a", "b", "c");
      sheet.createRow(1).createCell(2).setCellValue("c2");
      cells(sheet.createRow(4), "a5");
      cells(sheet.getWorkbook().createSheet("第二页").createRow(0), "别的表");
    });

    Table table = TabularFile.read("a.xlsx", content);

    assertThat(table.rows()).containsExactly(
        new Table.Row(2, List.of("", "", "c2")),
        new Table.Row(5, List.of("a5", "", "")));
  }

  @Test
  void emptyFile() {
    assertRejected("a.csv", new byte[0], "文件「a.csv」是空的（0 字节）");
    assertRejected(null, new byte[0], "文件是空的（0 字节）");
  }

  @Test
  void fileWithOnlyBlankLinesHasNoHeader() {
    assertRejected("a.csv", "\n , \n\n".getBytes(StandardCharsets.UTF_8), "文件「a.csv」中没有任何内容，找不到表头行");
  }

  @Test
  void fileOverTheSizeLimit() {
    byte[] content = new byte[TabularFile.MAX_BYTES + 1];
    Arrays.fill(content, (byte) 'a');

    assertRejected("big.csv", content, "文件「big.csv」大小为 5.00 MiB（5242881 字节），超过上限 5 MiB");
  }

  @Test
  void pdfPngHtmlAndOtherBinaryAreNotTables() {
    assertRejected("a.pdf", "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII),
        "文件「a.pdf」不是 CSV 或 XLSX 文件（内容为 PDF 格式）：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
    assertRejected("a.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
        "文件「a.csv」不是 CSV 或 XLSX 文件（内容为 PNG 格式）：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
    assertRejected("a.xls", "<html><body><table></table></body></html>".getBytes(StandardCharsets.US_ASCII),
        "文件「a.xls」不是 CSV 或 XLSX 文件（内容为 HTML 格式）：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
    assertRejected("a.csv", new byte[] {'a', ',', 'b', 0, 1, 2},
        "文件「a.csv」不是 CSV 或 XLSX 文件：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
  }

  @Test
  void oldExcelFormatAsksToSaveAsXlsxOrCsv() throws IOException {
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet().createRow(0).createCell(0).setCellValue("单位");
      workbook.write(xls);
    }

    assertRejected("a.xlsx", xls.toByteArray(), "文件「a.xlsx」是旧版 Excel 格式（.xls）或加了密码的工作簿，无法读取。"
        + "请在 Excel 中「另存为」Excel 工作簿（.xlsx）或 CSV（逗号分隔），不设密码，再重新上传");
  }

  @Test
  void corruptOrForeignZipIsNotAReadableWorkbook() throws IOException {
    String message = "文件「a.xlsx」无法作为 XLSX 读取：文件已损坏或不是 Excel 工作簿。"
        + "请在 Excel 中打开后「另存为」Excel 工作簿（.xlsx）或 CSV，再重新上传";
    byte[] truncated = Arrays.copyOf(xlsx(sheet -> cells(sheet.createRow(0), "单位")), 200);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("not a workbook".getBytes(StandardCharsets.US_ASCII));
    }

    assertRejected("a.xlsx", truncated, message);
    assertRejected("a.xlsx", zip.toByteArray(), message);
  }

  @Test
  void textInNeitherUtf8NorGbk() {
    assertRejected("a.csv", new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'},
        "文件「a.csv」的文字编码无法识别（既不是 UTF-8 也不是 GBK）：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」再上传");
  }

  @Test
  void unclosedQuoteNamesTheRowWhereTheFieldStarts() {
    assertRejected("a.csv", "a,b\n1,\"2\n3,4\n".getBytes(StandardCharsets.UTF_8),
        "文件「a.csv」第 2 行有一个引号（\"）没有闭合，CSV 格式不完整");
  }

  @Test
  void aHugeSheetIsRefusedWhileItIsStillBeingCountedNotBuilt() throws IOException {
    byte[] rows = xlsx(sheet -> {
      for (int r = 0; r <= TabularFile.MAX_ROWS + 1; r++) {
        cells(sheet.createRow(r), "单位" + r, "1");
      }
    });
    assertRejected("大表.xlsx", rows, "文件「大表.xlsx」超过 2000 行数据（表头除外），不像是任务分配表或学校任务分解表：请只上传表格本身");

    byte[] wide = xlsx(sheet -> cells(sheet.createRow(0), IntStream.range(0, TabularFile.MAX_COLUMNS + 1)
        .mapToObj(i -> "列" + i).toArray(String[]::new)));
    assertRejected("宽表.xlsx", wide, "文件「宽表.xlsx」第 1 行超过 64 列（或整张表超过 50000 个单元格）：请只上传表格本身");

    String csvRows = "单位,数量\n" + "郑州市,1\n".repeat(TabularFile.MAX_ROWS + 1);
    assertRejected("大表.csv", csvRows.getBytes(StandardCharsets.UTF_8),
        "文件「大表.csv」超过 2000 行数据（表头除外），不像是任务分配表或学校任务分解表：请只上传表格本身");
    assertThat(csv("单位,数量\n" + "郑州市,1\n".repeat(TabularFile.MAX_ROWS)).rows()).hasSize(TabularFile.MAX_ROWS);
  }

  private static Table csv(String text) {
    return TabularFile.read("a.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(String fileName, byte[] content, String message) {
    assertThatThrownBy(() -> TabularFile.read(fileName, content))
        .isInstanceOf(TabularFileException.class)
        .hasMessage(message);
  }

  private interface SheetWriter {
    void write(Sheet sheet);
  }

  private static byte[] xlsx(SheetWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new XSSFWorkbook()) {
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

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
