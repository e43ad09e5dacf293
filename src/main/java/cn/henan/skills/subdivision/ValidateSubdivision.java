package cn.henan.skills.subdivision;

import cn.henan.skills.platform.FormText;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.tabular.QuotaImport;
import cn.henan.skills.unit.ProcessUnit;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "填报所属中职学校任务分解": checks the uploaded school table against the city's quota; a valid
 * one is the draft the leader approves. A table with errors refuses the completion with every problem (row, column,
 * reason): the task stays open with the file chosen, nothing is kept.
 */
@Component("validateSubdivision")
class ValidateSubdivision implements TaskListener {
  private final SchoolQuotaImporter importer;
  private final QuotaDistribution quotas;
  private final Subdivisions subdivisions;
  private final ProcessUnit processUnit;

  ValidateSubdivision(SchoolQuotaImporter importer, QuotaDistribution quotas, Subdivisions subdivisions,
      ProcessUnit processUnit) {
    this.importer = importer;
    this.quotas = quotas;
    this.subdivisions = subdivisions;
    this.processUnit = processUnit;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    // the city and year from the business key (2022/u001) and the registry, not from variables a filer could set
    int year = UnitKeys.yearOf(execution.getProcessBusinessKey());
    Unit city = processUnit.of(execution);
    String cityCode = city.getCode();
    String cityName = city.getName();
    // a new round of approval starts blank
    execution.removeVariables(List.of("returnReason", "subdivisionDecision"));
    Optional<Uploads.Upload> file = Uploads.of(execution.getVariableTyped("schoolQuotaFile"));
    if (file.isEmpty()) {
      throw new Refusal("没有上传任务分解表。请选择 CSV 或 XLSX 文件后重新提交。");
    }
    Quota cityQuota = quotas.quotaOf(year, cityCode)
        .orElseThrow(() -> new IllegalStateException(cityName + " " + year + " 年没有已下达的任务。"));
    QuotaImport<SchoolQuotaLine> result = importer.read(file.get().fileName(), file.get().content(), cityName,
        cityQuota);
    if (!result.ok()) {
      throw new Refusal("任务分解表有错误，没有保存：\n"
          + FormText.fit(result.problemReport(), "改正以上问题后重新上传，其余问题会再列出"));
    }
    subdivisions.saveDraft(year, cityCode, file.get().fileName(), result.lines());
    StringBuilder summary = new StringBuilder(cityName + " 年度任务：" + cityQuota.describe() + "\n分解到 "
        + result.lines().size() + " 所学校：\n");
    result.lines().forEach(line -> summary.append("  ").append(line.schoolName()).append("：培训 ")
        .append(line.training()).append("，取证 ").append(line.certification()).append("，高级工及以上 ")
        .append(line.advanced() == null ? "——"
            : line.advancedReason() == null ? line.advanced().toString()
            : line.advanced() + "（" + line.advancedReason() + "）")
        .append("，1+X ").append(line.onePlusX()).append('\n'));
    summary.append("合计：培训 ").append(result.totals().training()).append("，取证 ")
        .append(result.totals().certification()).append("，1+X ").append(result.totals().onePlusX());
    execution.setVariable("schoolCount", result.lines().size());
    execution.setVariable("subdivisionSummary", FormText.fit(summary.toString(), "完整分解见上传的表格"));
  }
}
