package cn.henan.skills.tabular;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Reads an uploaded spreadsheet into a {@link Table} of strings: CSV in UTF-8 (with or without BOM) or GBK (what
 * Excel on Chinese Windows writes), or the first sheet of an XLSX workbook. The type is taken from the content, not
 * from the file name, which users change freely. Knows nothing about what the columns mean.
 */
public final class TabularFile {
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  /** Far more than any table here needs (171 units; a city's schools), far less than a hostile file holds. */
  public static final int MAX_ROWS = 2_000;
  public static final int MAX_COLUMNS = 64;
  public static final long MAX_CELLS = 50_000;

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset GBK = Charset.forName("GBK");
  private static final Set<FileMagic> OLD_EXCEL =
      EnumSet.of(FileMagic.OLE2, FileMagic.BIFF2, FileMagic.BIFF3, FileMagic.BIFF4);
  // text formats that are not CSV even though they contain no binary bytes (Excel can save as web page or XML)
  private static final Set<FileMagic> OTHER_TEXT =
      EnumSet.of(FileMagic.PDF, FileMagic.HTML, FileMagic.XML, FileMagic.RTF);

  private TabularFile() {
  }

  /**
   * @param fileName the name the uploader gave the file, used only in messages (may be null)
   * @throws TabularFileException when the file as a whole cannot be read; the message says why, in Chinese
   */
  public static Table read(String fileName, byte[] content) {
    String file = fileName == null || fileName.isBlank() ? "文件" : "文件「" + fileName.strip() + "」";
    if (content == null || content.length == 0) {
      throw new TabularFileException(file + "是空的（0 字节）");
    }
    if (content.length > MAX_BYTES) {
      throw new TabularFileException(String.format("%s大小为 %.2f MiB（%d 字节），超过上限 %d MiB",
          file, content.length / 1048576.0, content.length, MAX_BYTES / 1048576));
    }
    FileMagic magic = FileMagic.valueOf(content);
    if (magic == FileMagic.OOXML) {
      return table(XlsxSheet.read(content, file), true, file);
    }
    if (OLD_EXCEL.contains(magic)) {
      throw new TabularFileException(file + "是旧版 Excel 格式（.xls）或加了密码的工作簿，无法读取。"
          + "请在 Excel 中「另存为」Excel 工作簿（.xlsx）或 CSV（逗号分隔），不设密码，再重新上传");
    }
    if (OTHER_TEXT.contains(magic) || isBinary(content)) {
      String detected = magic == FileMagic.UNKNOWN ? "" : "（内容为 " + magic + " 格式）";
      throw new TabularFileException(file + "不是 CSV 或 XLSX 文件" + detected
          + "：请上传 Excel 工作簿（.xlsx）或 CSV 文件");
    }
    return table(CsvParser.parse(decode(content, file), file), false, file);
  }

  /** Control bytes other than tab and line breaks never occur in UTF-8 or GBK text, whose multi-byte parts are ≥ 0x40. */
  private static boolean isBinary(byte[] content) {
    for (byte b : content) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return true;
      }
    }
    return false;
  }

  /** UTF-8 if the bytes are valid UTF-8 (GBK text practically never is), otherwise GBK; a BOM says UTF-8 for sure. */
  private static String decode(byte[] content, String file) {
    boolean bom = Arrays.equals(content, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
    int start = bom ? UTF8_BOM.length : 0;
    for (Charset charset : bom ? List.of(StandardCharsets.UTF_8) : List.of(StandardCharsets.UTF_8, GBK)) {
      try {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(content, start, content.length - start))
            .toString();
      } catch (CharacterCodingException e) {
        // not this encoding: try the next one
      }
    }
    throw new TabularFileException(file + "的文字编码无法识别（既不是 UTF-8 也不是 GBK）："
        + "请在 Excel 中另存为「CSV UTF-8（逗号分隔）」再上传");
  }

  private static Table table(List<Table.Row> records, boolean padShortRows, String file) {
    if (records.size() > MAX_ROWS + 1) {
      throw new TabularFileException(file + "超过 " + MAX_ROWS + " 行数据（表头除外），"
          + "不像是任务分配表或学校任务分解表：请只上传表格本身");
    }
    List<Table.Row> rows = new ArrayList<>();
    for (Table.Row record : records) {
      List<String> cells = record.cells().stream().map(String::strip).toList();
      if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
        rows.add(new Table.Row(record.number(), cells));
      }
    }
    if (rows.isEmpty()) {
      throw new TabularFileException(file + "中没有任何内容，找不到表头行");
    }
    Table.Row header = rows.get(0);
    int width = withoutTrailingBlanks(header.cells(), 0).size();
    List<Table.Row> data = rows.subList(1, rows.size()).stream()
        .map(row -> new Table.Row(row.number(), fitted(row.cells(), width, padShortRows)))
        .toList();
    return new Table(new Table.Row(header.number(), header.cells().subList(0, width)), data);
  }

  /**
   * Drops blank cells beyond the header's width; pads short rows when the format leaves out empty cells (XLSX stores
   * only cells that were written, so a row ending in empty cells is not a short row there).
   */
  private static List<String> fitted(List<String> cells, int width, boolean padShortRows) {
    List<String> fitted = new ArrayList<>(withoutTrailingBlanks(cells, width));
    while (padShortRows && fitted.size() < width) {
      fitted.add("");
    }
    return fitted;
  }

  private static List<String> withoutTrailingBlanks(List<String> cells, int keep) {
    int end = cells.size();
    while (end > keep && cells.get(end - 1).isEmpty()) {
      end--;
    }
    return cells.subList(0, end);
  }
}
