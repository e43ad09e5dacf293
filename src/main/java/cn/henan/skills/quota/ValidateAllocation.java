package cn.henan.skills.quota;

import cn.henan.skills.platform.FormText;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import cn.henan.skills.tabular.QuotaImport;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads the built-in table or the uploaded file, validates it against the unit registry, and keeps a valid table as
 * the year's draft. A table with errors is refused with every problem (row, column, reason): right after the start
 * form (service task "校验任务分配表", in the starter's transaction, so the start itself is refused and nothing is
 * kept) and as the complete listener of "修正任务分配表" (the task stays open with the file the officer chose).
 */
@Component("validateAllocation")
class ValidateAllocation implements JavaDelegate, TaskListener {
  static final String SOURCE_UPLOAD = "upload";

  private final AllocationImporter importer;
  private final UnitRegistry units;
  private final QuotaDistribution distribution;

  ValidateAllocation(AllocationImporter importer, UnitRegistry units, QuotaDistribution distribution) {
    this.importer = importer;
    this.units = units;
    this.distribution = distribution;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      execute(task.getExecution());
    } catch (IOException e) {
      throw new IllegalStateException("内置任务分配表无法读取。", e);
    }
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    // the year is the business key the start guard set from the start form, not the variable
    int year = Integer.parseInt(execution.getProcessBusinessKey());
    // a new round of approval starts blank
    execution.removeVariables(List.of("returnReason", "approvalDecision"));
    QuotaImport<AllocationLine> result;
    String sourceName;
    if (SOURCE_UPLOAD.equals(execution.getVariable("allocationSource"))) {
      Optional<Uploads.Upload> file = Uploads.of(execution.getVariableTyped("allocationFile"));
      if (file.isEmpty()) {
        throw new Refusal("选择了“上传分配表文件”，但没有上传文件。请选择 CSV 或 XLSX 文件后重新提交。");
      }
      sourceName = file.get().fileName();
      result = importer.read(sourceName, file.get().content(), units.provincialUnits(year));
    } else {
      // Tasklist sends an empty file input along; it must not stay behind as if it had been uploaded
      execution.removeVariable("allocationFile");
      ClassPathResource builtin = new ClassPathResource("allocation/allocation-" + year + ".csv");
      if (!builtin.exists()) {
        throw new Refusal("没有内置的 " + year + " 年任务分配表，请上传分配表文件。");
      }
      sourceName = "内置 " + year + " 年任务分配表（附件1）";
      try (InputStream in = builtin.getInputStream()) {
        result = importer.read(builtin.getFilename(), in.readAllBytes(), units.provincialUnits(year));
      }
    }
    if (!result.ok()) {
      throw new Refusal("任务分配表有错误，没有保存：\n"
          + FormText.fit(result.problemReport(), "改正以上问题后重新上传，其余问题会再列出"));
    }
    distribution.saveDraft(year, sourceName, result.lines());
    execution.setVariable("allocationNotes", notes(year, result));
    execution.setVariable("allocationSourceName", sourceName);
    execution.setVariable("unitCount", result.lines().size());
    execution.setVariable("trainingTotal", result.totals().training());
    execution.setVariable("certificationTotal", result.totals().certification());
    execution.setVariable("advancedTotal", result.totals().advanced());
    execution.setVariable("onePlusXTotal", result.totals().onePlusX());
  }

  /** What the approver should know besides the totals: the units the table renames, adds and leaves out. */
  private String notes(int year, QuotaImport<AllocationLine> result) {
    List<String> notes = new java.util.ArrayList<>();
    List<String> renamed = result.lines().stream().filter(l -> l.statement() == AllocationLine.Statement.RENAMED)
        .map(l -> units.name(l.unitCode(), year) + "（" + l.unitCode() + "）更名为 " + l.unitName()).toList();
    if (!renamed.isEmpty()) {
      notes.add("更名：" + String.join("；", renamed) + "。批准后自 " + year + " 年起使用新名称，单位代码和以往年度的记录不变。");
    }
    List<String> added = result.lines().stream().filter(l -> l.statement() == AllocationLine.Statement.NEW_UNIT)
        .map(l -> l.unitName() + "（" + l.kind().chineseName() + "）").toList();
    if (!added.isEmpty()) {
      notes.add("新增单位：" + String.join("、", added) + "。批准后分配单位代码并开通填报人、领导小组组长账号。");
    }
    // a table need not list every unit (a unit may get no task in a year), but the approver should see which
    Set<String> listed = result.lines().stream().map(AllocationLine::unitCode).collect(Collectors.toSet());
    List<String> missing = units.provincialUnits(year).stream().filter(u -> !listed.contains(u.getCode()))
        .map(Unit::getName).toList();
    if (!missing.isEmpty()) {
      notes.add("注意：分配表没有列出单位名录中的 " + missing.size() + " 个单位，批准后这些单位本年度没有任务："
          + String.join("、", missing.subList(0, Math.min(missing.size(), 30)))
          + (missing.size() > 30 ? " 等" : "") + "。");
    }
    return notes.isEmpty() ? null : String.join("\n", notes);
  }
}
