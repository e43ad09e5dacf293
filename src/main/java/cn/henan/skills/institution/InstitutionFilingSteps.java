package cn.henan.skills.institution;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.institution.EvaluationInstitution.Application;
import cn.henan.skills.platform.KeepsUploads;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code institution-filing} as its model names them: the start listener ({@code ${institutionFiling}})
 * files the application of the starter's own unit, {@code show}, {@code returnWith}, {@code resubmit} and
 * {@code file} the review's outcomes. The unit is the starter's (their filer group), then the business key's; the
 * application's content is checked here and kept in {@link Institutions}, never read back from variables.
 */
@Component("institutionFiling")
public class InstitutionFilingSteps implements ExecutionListener, KeepsUploads {
  static final String DOCUMENT = "applicationDocument";

  private final Institutions institutions;
  private final UnitRegistry units;
  private final People people;

  InstitutionFilingSteps(Institutions institutions, UnitRegistry units, People people) {
    this.institutions = institutions;
    this.units = units;
    this.people = people;
  }

  @Override
  public Set<String> uploadVariables() {
    return Set.of(DOCUMENT);
  }

  /** Start listener: the application of the starter's unit, its document checked, and the instance's key. */
  @Override
  public void notify(DelegateExecution execution) {
    Viewer starter = people.currentViewer().orElseThrow(() -> new Refusal(
        "评价机构备案由单位的填报人在任务列表中申请，未作任何更改。"));
    List<String> filerUnits = starter.groups().stream().filter(g -> g.endsWith("-filer"))
        .map(g -> g.substring(0, g.length() - "-filer".length())).filter(code -> units.find(code).isPresent())
        .toList();
    if (filerUnits.size() != 1) {
      throw new Refusal("只有单位的填报人可以申请评价机构备案（申请单位即填报人所在的单位），未作任何更改。");
    }
    Unit unit = units.get(filerUnits.get(0));
    Uploads.Upload document = Uploads.of(execution.getVariableTyped(DOCUMENT))
        .orElseThrow(() -> new Refusal("请上传证明材料（PDF），未作任何更改。"));
    String key = institutions.apply(unit, application(execution), document, starter.userId());
    execution.setProcessBusinessKey(key);
    // the bytes live with the institution; the process keeps only the link
    execution.removeVariable(DOCUMENT);
  }

  /**
   * Create listener of the review and of the correction: what the form shows, from the database (the kind's
   * Chinese name, the document's link and pages, the last return's reason).
   */
  public void show(DelegateTask task) {
    Institutions.Shown shown = institutions.shown(task.getExecution().getProcessBusinessKey());
    Institutions.Entry entry = shown.entry();
    DelegateExecution execution = task.getExecution();
    execution.setVariable("unitName", entry.unitName());
    execution.setVariable("institutionKind", entry.kind().name());
    execution.setVariable("institutionKindName", entry.kindName());
    execution.setVariable("institutionName", entry.name());
    execution.setVariable("occupationScope", entry.scope());
    execution.setVariable("documentUrl", entry.documentUrl());
    execution.setVariable("documentNotice", "证明材料：" + shown.documentName() + "（PDF，共 " + shown.documentPages()
        + " 页，已核验可以打开）");
    execution.setVariable("lastReturnReason", entry.returnReason());
  }

  /** Service task "记录退回": the reviewer's reason (required by {@code returnReasons} at the click). */
  public void returnWith(DelegateExecution execution) {
    institutions.returnWith(execution.getProcessBusinessKey(), execution.getVariable("returnReason").toString());
  }

  /** Service task "登记为已备案": counted in the unit's monthly form from now on. */
  public void file(DelegateExecution execution) {
    institutions.file(execution.getProcessBusinessKey(), people.currentUserId().orElse(null));
  }

  /**
   * Complete listener of the correction: a withdrawal, or the corrected application (a new document only when one
   * was chosen) checked like the first; {@code withdrawApplication} is left as a boolean for the gateway.
   */
  public void resubmit(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String key = execution.getProcessBusinessKey();
    boolean withdraw = Boolean.TRUE.equals(execution.getVariable("withdrawApplication"));
    if (withdraw) {
      institutions.withdraw(key);
    } else {
      institutions.resubmit(key, application(execution), Uploads.of(execution.getVariableTyped(DOCUMENT)),
          people.currentUserId().orElse(null));
    }
    if (execution.hasVariable(DOCUMENT)) {
      execution.removeVariable(DOCUMENT);
    }
    execution.setVariable("withdrawApplication", withdraw);
  }

  private static Application application(DelegateExecution execution) {
    InstitutionKind kind = InstitutionKind.of(execution.getVariable("institutionKind"));
    String name = text(execution, "institutionName", "机构名称", Institutions.MAX_NAME);
    String scope = text(execution, "occupationScope", "备案职业（工种）及等级", Institutions.MAX_TEXT);
    return new Application(kind, name, scope);
  }

  private static String text(DelegateExecution execution, String variable, String label, int max) {
    Object value = execution.getVariable(variable);
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      throw new Refusal("“" + label + "”必须填写，未作任何更改。");
    }
    if (text.length() > max) {
      throw new Refusal("“" + label + "”最多 " + max + " 个字，提交的内容有 " + text.length() + " 个字，未作任何更改。");
    }
    return text;
  }
}
