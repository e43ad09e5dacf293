package cn.henan.skills.report;

import cn.henan.skills.unit.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's Attachment 2 figures for every unit as one Excel sheet: the province's units in table order, each city's
 * schools under it; this month's figures and the accepted cumulative with rates. Only accepted reports count, so a
 * report not yet accepted shows its state instead of figures.
 */
@Component
class Attachment2Workbook {
  private static final String[] STATE = {"未报", "已提交", "已签字", "已通过"};

  private final Progress progress;
  private final MonthlyReportRepository reports;

  Attachment2Workbook(Progress progress, MonthlyReportRepository reports) {
    this.progress = progress;
    this.reports = reports;
  }

  @Transactional(readOnly = true)
  byte[] export(ReportPeriod period) {
    Progress.Overview overview = progress.overview(period, unit -> true);
    Map<String, MonthlyReport> month = reports.findByYearAndMonth(period.year(), period.month()).stream()
        .collect(Collectors.toMap(MonthlyReport::getUnitCode, Function.identity()));
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(period.key());
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue("河南省教育系统“人人持证、技能河南”建设工作任务进度月报表（" + period.chinese() + "）");
      title.getCell(0).setCellStyle(bold);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 21));
      Row header = sheet.createRow(1);
      String[] fixed = {"序号", "单位代码", "单位", "上级单位", "本月月报状态", "逾期",
          "院校类职业技能等级认定机构数", "职业技能考核鉴定机构数", "面向社会人员的职业技能等级评价机构数", "专项职业技能考核机构数"};
      int c = 0;
      for (String name : fixed) {
        header.createCell(c++).setCellValue(name);
      }
      for (Indicator indicator : Indicator.values()) {
        for (String part : new String[] {"年度任务", "当月完成", "累计已完成", "累计完成率(%)"}) {
          header.createCell(c++).setCellValue(indicator.chineseName() + "·" + part);
        }
      }
      header.forEach(cell -> cell.setCellStyle(bold));
      int[] row = {2};
      int[] seq = {1};
      for (Progress.UnitProgress unit : overview.units()) {
        write(sheet.createRow(row[0]++), seq[0]++, unit, null, month.get(unit.unit().getCode()));
        for (Progress.UnitProgress school : unit.schools()) {
          write(sheet.createRow(row[0]++), null, school, unit.unit(), month.get(school.unit().getCode()));
        }
      }
      Row totals = sheet.createRow(row[0]);
      totals.createCell(2).setCellValue("合计（全省，含各市所属学校）");
      int t = fixed.length;
      for (Indicator indicator : Indicator.values()) {
        Progress.IndicatorProgress p = overview.totals().get(indicator);
        totals.createCell(t).setCellValue(p.annualTask());
        totals.createCell(t + 2).setCellValue(p.cumulative());
        if (p.rate() != null) {
          totals.createCell(t + 3).setCellValue(p.rate().doubleValue());
        }
        t += 4;
      }
      sheet.createFreezePane(3, 2);
      sheet.setColumnWidth(2, 40 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, Integer seq, Progress.UnitProgress unit, Unit city, MonthlyReport report) {
    if (seq != null) {
      row.createCell(0).setCellValue(seq);
    }
    row.createCell(1).setCellValue(unit.unit().getCode());
    row.createCell(2).setCellValue(unit.unit().getName());
    if (city != null) {
      row.createCell(3).setCellValue(city.getName());
    }
    row.createCell(4).setCellValue(report == null ? "未报" : STATE[report.getStatus().ordinal()]);
    row.createCell(5).setCellValue(report != null && report.isLate() ? "是" : "");
    boolean accepted = report != null && report.getStatus() == MonthlyReport.Status.ACCEPTED;
    if (accepted) {
      InstitutionCounts institutions = report.institutions();
      for (int kind = 0; kind < 4; kind++) {
        row.createCell(6 + kind).setCellValue(institutions.total(kind));
      }
    }
    int c = 10;
    for (Indicator indicator : Indicator.values()) {
      Progress.IndicatorProgress p = unit.indicators().get(indicator);
      Cell task = row.createCell(c);
      if (p.annualTask() == null) {
        task.setCellValue("——");
      } else {
        task.setCellValue(p.annualTask());
      }
      if (accepted) {
        row.createCell(c + 1).setCellValue(report.figures().get(indicator));
      }
      row.createCell(c + 2).setCellValue(p.cumulative());
      if (p.rate() != null) {
        row.createCell(c + 3).setCellValue(p.rate().doubleValue());
      }
      c += 4;
    }
  }
}
