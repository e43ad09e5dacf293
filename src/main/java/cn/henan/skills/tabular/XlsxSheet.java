package cn.henan.skills.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an XLSX workbook as rows of cell texts. */
final class XlsxSheet {
  private XlsxSheet() {
  }

  /** @throws TabularFileException naming {@code file} when the workbook cannot be opened or is far too large */
  static List<Table.Row> read(byte[] content, String file) {
    measure(content, file);
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

  /**
   * Counts the first sheet's rows and cells by streaming its XML, and stops at the first that is over the limit: a
   * 5 MB workbook can hold 160,000 rows, which the workbook model would take a minute and a lot of memory to build.
   */
  private static void measure(byte[] content, String file) {
    int rows = 0;
    long cells = 0;
    int cellsInRow = 0;
    try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
        while (xml.hasNext()) {
          if (xml.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          if ("row".equals(xml.getLocalName())) {
            rows++;
            cellsInRow = 0;
            if (rows > TabularFile.MAX_ROWS + 1) {
              throw new TabularFileException(file + "超过 " + TabularFile.MAX_ROWS + " 行数据（表头除外），"
                  + "不像是任务分配表或学校任务分解表：请只上传表格本身");
            }
          } else if ("c".equals(xml.getLocalName())) {
            cellsInRow++;
            if (cellsInRow > TabularFile.MAX_COLUMNS || ++cells > TabularFile.MAX_CELLS) {
              throw new TabularFileException(file + "第 " + rows + " 行超过 " + TabularFile.MAX_COLUMNS
                  + " 列（或整张表超过 " + TabularFile.MAX_CELLS + " 个单元格）：请只上传表格本身");
            }
          }
        }
      }
    } catch (TabularFileException e) {
      throw e;
    } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
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
