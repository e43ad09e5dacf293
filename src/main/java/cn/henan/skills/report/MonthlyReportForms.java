package cn.henan.skills.report;

import cn.henan.skills.institution.Institutions;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the report forms show and the checks need: the unit, its annual task and its accepted cumulative so far. */
@Component
class MonthlyReportForms {
  private final UnitRegistry units;
  private final QuotaDistribution quotas;
  private final MonthlyReports reports;
  private final Institutions institutions;
  private final Clock clock;

  MonthlyReportForms(UnitRegistry units, QuotaDistribution quotas, MonthlyReports reports, Institutions institutions,
      Clock clock) {
    this.units = units;
    this.quotas = quotas;
    this.reports = reports;
    this.institutions = institutions;
    this.clock = clock;
  }

  /** The unit's evaluation institutions filed in this system and not revoked, now, per kind in the form's order. */
  List<Integer> filedInstitutions(String unitCode) {
    return InstitutionCounts.inOrder(institutions.filedCounts(unitCode, clock.instant()));
  }

  record Context(Unit unit, ReportPeriod period, Quota quota, Figures acceptedBefore, List<Unit> schools) {
  }

  Context context(ReportPeriod period, String unitCode) {
    Unit unit = units.get(unitCode, period.year());
    Quota quota = quotas.quotaOf(period.year(), unitCode).orElse(null);
    List<Unit> schools = List.of();
    if (unit.getKind().isBureau()) {
      // only the schools this year's subdivision created (a school has a quota in the years it belongs to)
      Map<String, Quota> quotaByUnit = quotas.quotasOf(period.year());
      schools = units.schoolsOf(unitCode).stream().filter(s -> quotaByUnit.containsKey(s.getCode())).toList();
    }
    return new Context(unit, period, quota, reports.acceptedBefore(period, Set.of(unitCode)), schools);
  }

  /** Shown above the fill form: annual tasks, what was accepted so far, and for a city its schools' accepted figures. */
  String fillContext(Context context) {
    StringBuilder text = new StringBuilder();
    text.append(context.unit().getName()).append(" ").append(context.period().chinese()).append(" 进度月报\n");
    text.append("年度任务：").append(context.quota() == null ? "（未下达）" : context.quota().describe()).append('\n');
    // the month's table (annual task, this month, cumulative, rate) is the form's own, computed as the filer types
    text.append("此前已通过审核的累计（不含本月）：").append(describe(context.acceptedBefore())).append('\n');
    if (!context.schools().isEmpty()) {
      List<String> schoolCodes = context.schools().stream().map(Unit::getCode).toList();
      Figures schoolsTotal = reports.acceptedThrough(context.period(), schoolCodes);
      Figures schoolsMonth = schoolsTotal.minus(reports.acceptedBefore(context.period(), schoolCodes));
      text.append("\n所属 ").append(schoolCodes.size()).append(" 所中职学校已通过审核的数据（只读，计入本市累计）：\n")
          .append("  本月：").append(describe(schoolsMonth)).append('\n')
          .append("  累计：").append(describe(schoolsTotal)).append('\n')
          .append("本表填写的是教育局本级完成的数据。\n");
    }
    text.append("\n注：只有通过审核的数据计入累计；累计完成率保留一位小数，任务为“——”的不计算完成率。");
    return text.toString();
  }

  /** The submitted report's figures as the signer and the reviewers see them: a table ({@link ReportSheet}). */
  String table(Context context, MonthlyReport report) {
    return ReportSheet.of(context.unit().getName(), context.period(), context.quota(), context.acceptedBefore(),
        report.figures()).asMarkdown();
  }

  /** The rest of the submitted report as the signer and the reviewers see it; the figures are in {@link #table}. */
  String summary(Context context, MonthlyReport report) {
    StringBuilder text = new StringBuilder();
    text.append(context.unit().getName()).append(" ").append(context.period().chinese()).append(" 进度月报（第 ")
        .append(report.getVersion()).append(" 版）\n");
    InstitutionCounts institutions = report.institutions();
    text.append("已备案职业技能评价机构：").append(institutions.describe()).append('\n');
    if (institutions.anyNotFiled()) {
      text.append("未备案：单位自报、尚未在本系统备案的机构，请核实其备案情况（已在本系统备案的由系统按提交时的备案名册计数）。\n");
    }
    text.append("填报人：").append(report.getFilerName()).append("　联系电话：").append(report.getFilerPhone());
    return text.toString();
  }

  private static String describe(Figures f) {
    return "培训 " + f.training() + " 人次，取证 " + f.certification() + " 人，其中高级工及以上 " + f.advanced()
        + " 人，1+X 证书 " + f.onePlusX() + " 人";
  }
}
