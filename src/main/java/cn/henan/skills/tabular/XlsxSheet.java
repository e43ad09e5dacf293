package cn.henan.skills.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an XLSX workbook as rows of cell texts. */
final class XlsxSheet {
  private XlsxSheet() {
  }

  /** @throws TabularFileException naming {@code file} when the workbook cannot be opened */
  static List<Table.Row> read(byte[] content, String file) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      if (workbook.getNumberOfSheets() == 0) {
        return List.of();
      }
      DataFormatter formatter = new DataFormatter();
      formatter.setUseCachedValuesForFormulaCells(true);
      List<Table.Row> rows = new ArrayList<>();
      for (Row row : workbook.getSheetAt(0)) {
        rows.add(new Table.Row(row.getRowNum() + 1, cells(row, formatter)));
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      // POI reports a damaged or foreign zip through a variety of unchecked exceptions
      throw new TabularFileException(file + "无法作为 XLSX 读取：文件已损坏或不是 Excel 工作簿。"
          + "请在 Excel 中打开后「另存为」Excel 工作簿（.xlsx）或 CSV，再重新上传", e);
    }
  }

  /** Cells missing from the row (POI stores only cells that were ever written) read as empty strings. */
  private static List<String> cells(Row row, DataFormatter formatter) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
      cells.add(cell == null ? "" : text(cell, formatter));
    }
    return cells;
  }

  private static String text(Cell cell, DataFormatter formatter) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      // the stored number, not its display: a "#,##0" format would add separators, a "0" format hide a fraction
      return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }
    return formatter.formatCellValue(cell);
  }
}
