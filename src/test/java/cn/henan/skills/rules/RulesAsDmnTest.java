package cn.henan.skills.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.deployment.DeploymentRefused;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13's rules as DMN: a process administrator changes one row of each decision table (here with the DMN model
 * API, as Modeler's table editor would) and deploys it through {@code RepositoryService}; the running application
 * behaves by the new row at once, with no Java change, and Cockpit's decision history records each evaluation. Each
 * test deploys the shipped table again afterwards (a newer version), so the other test classes see the shipped rules.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesAsDmnTest {
  static final int YEAR = 2043;
  static final String COLLEGE = "u068"; // 河南职业技术学院, higher vocational
  static final String SCHOOL = "u152"; // 河南省工业学校, provincial secondary school

  @Autowired Driver driver;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired TestRestTemplate http;

  private final List<String> changed = new ArrayList<>();

  @AfterEach
  void restoreShippedTables() {
    changed.forEach(key -> deploy(key, FileDecisionTables.shippedModel(key)));
    changed.clear();
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void aReviewerGroupRowDecidesWhoReviewsTheReportsSignedAfterItsDeployment() {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南职业技术学院,1000,100,50,100
        河南省工业学校,1000,100,——,100
        """);
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);

    // signed under the shipped table: the 1+X office alone reviews a provincial unit's 1+X figures
    String school = YEAR + "-03/" + SCHOOL;
    driver.complete(SCHOOL + "-filer", driver.task(school, SCHOOL + "-filer"), Driver.reportFigures(100, 0, 0, 0));
    driver.signAndUploadScan(school, SCHOOL);
    assertThat(candidateGroups(onePlusXReview(school))).containsExactly("province-1x");

    DmnModelInstance table = FileDecisionTables.shippedModel(RuleDecisions.REVIEWER_GROUPS);
    TableEdits.row(table, RuleDecisions.CANDIDATE_GROUPS, "\"province-1x\"")
        .output(RuleDecisions.CANDIDATE_GROUPS, "\"province-1x,province-edu\"");
    deploy(RuleDecisions.REVIEWER_GROUPS, table);

    String college = YEAR + "-03/" + COLLEGE;
    driver.complete(COLLEGE + "-filer", driver.task(college, COLLEGE + "-filer"), Driver.reportFigures(100, 10, 6, 10));
    driver.signAndUploadScan(college, COLLEGE);
    assertThat(candidateGroups(onePlusXReview(college))).containsExactlyInAnyOrder("province-1x", "province-edu");
    assertThat(candidateGroups(onePlusXReview(school))).as("a task created before keeps its groups")
        .containsExactly("province-1x");
    assertThat(askedOfTheNewVersion(RuleDecisions.REVIEWER_GROUPS)).as("Cockpit's decision history")
        .flatExtracting(HistoricDecisionInstance::getOutputs).extracting(o -> o.getValue())
        .contains("province-1x,province-edu");

    // the province accepts the college's March, for the evaluation below
    for (Task review : taskService.createTaskQuery().processInstanceBusinessKey(college).list()) {
      driver.complete("province", review, Map.of(review.getName().contains("1+X") ? "onePlusXReviewDecision"
          : "skillsReviewDecision", "accept"));
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(college).count()).isZero();
  }

  @Test
  @Order(2)
  void aCertificatePolicyRowDecidesWhichUnitsTheEvaluationNames() throws Exception {
    // the college's accepted March: 6 advanced of 10 certificates, 60.0 %, above the shipped 50 %
    assertThat(findings(evaluation(), "certificateFindings", COLLEGE)).isNull();
    int asked = historyCount(RuleDecisions.CERTIFICATE_LEVEL_POLICY);

    DmnModelInstance table = FileDecisionTables.shippedModel(RuleDecisions.CERTIFICATE_LEVEL_POLICY);
    TableEdits.row(table, RuleDecisions.ADVANCED_SHARE_PERCENT, "< 50")
        .input(RuleDecisions.ADVANCED_SHARE_PERCENT, "< 70")
        .output(RuleDecisions.TEXT, "\"高级工及以上占取证人数 {占比}（{高级工人数} / {取证人数}），低于 70% 的要求\"");
    deploy(RuleDecisions.CERTIFICATE_LEVEL_POLICY, table);

    assertThat(findings(evaluation(), "certificateFindings", COLLEGE).toString())
        .isEqualTo("[\"高级工及以上占取证人数 60.0%（6 / 10），低于 70% 的要求\"]");
    assertThat(historyCount(RuleDecisions.CERTIFICATE_LEVEL_POLICY)).as("recorded for Cockpit").isGreaterThan(asked);
  }

  @Test
  @Order(3)
  void aThresholdRowDecidesWhoIsSlow() throws Exception {
    // March: time progress 10 %; the school has nothing accepted, 0.0 % is exactly 10 points behind: not slow
    JsonNode shipped = evaluation();
    assertThat(shipped.get("threshold").decimalValue()).isEqualByComparingTo("10");
    assertThat(findings(shipped, "slowUnits", SCHOOL)).isNull();

    DmnModelInstance table = FileDecisionTables.shippedModel(RuleDecisions.EVALUATION_THRESHOLDS);
    TableEdits.row(table, RuleDecisions.INDICATOR, "\"skills\"").output(RuleDecisions.SLOW_MARGIN_POINTS, "5");
    deploy(RuleDecisions.EVALUATION_THRESHOLDS, table);

    JsonNode changed = evaluation();
    assertThat(changed.get("threshold").decimalValue()).isEqualByComparingTo("5");
    assertThat(changed.get("thresholds").get("skills").get("slowMarginPoints").decimalValue())
        .isEqualByComparingTo("5");
    assertThat(changed.get("thresholds").get("onePlusX").get("slowMarginPoints").decimalValue())
        .isEqualByComparingTo("10");
    assertThat(findings(changed, "slowUnits", SCHOOL).toString())
        .contains("培训任务完成率 0.0%，低于时间进度 10.0% 超过 5 个百分点");
    assertThat(findings(changed, "slowOnePlusX", SCHOOL)).as("1+X keeps its own row").isNull();
    assertThat(askedOfTheNewVersion(RuleDecisions.EVALUATION_THRESHOLDS))
        .flatExtracting(HistoricDecisionInstance::getOutputs).extracting(o -> o.getValue()).contains(5.0);
    // Cockpit's decision history as the province reads it over REST; a unit's user sees none of it
    assertThat(decisionHistory("province")).isNotEmpty();
    assertThat(decisionHistory(SCHOOL + "-filer")).isEmpty();
  }

  @Test
  @Order(4)
  void aBrokenTableIsRefusedAndNothingOfItDeployed() {
    long versions = repositoryService.createDecisionDefinitionQuery().count();

    // the output the code reads, renamed: the review tasks would find no candidate groups
    DmnModelInstance renamed = FileDecisionTables.shippedModel(RuleDecisions.REVIEWER_GROUPS);
    renamed.getModelElementsByType(Output.class).stream()
        .filter(o -> RuleDecisions.CANDIDATE_GROUPS.equals(o.getName())).forEach(o -> o.setName("groups"));
    assertThatThrownBy(() -> deploy(RuleDecisions.REVIEWER_GROUPS, renamed)).isInstanceOf(DeploymentRefused.class)
        .hasMessageContaining("未部署任何内容")
        .hasMessageContaining("系统代码读取这个决策的输出 “" + RuleDecisions.CANDIDATE_GROUPS + "”");

    // a result that is no FEEL (an unclosed text)
    DmnModelInstance unclosed = FileDecisionTables.shippedModel(RuleDecisions.CERTIFICATE_LEVEL_POLICY);
    TableEdits.row(unclosed, RuleDecisions.ADVANCED_SHARE_PERCENT, "< 50").output(RuleDecisions.TEXT, "\"低于要求");
    assertThatThrownBy(() -> deploy(RuleDecisions.CERTIFICATE_LEVEL_POLICY, unclosed))
        .isInstanceOf(DeploymentRefused.class).hasMessageContaining("不是有效的 FEEL 表达式");

    assertThat(repositoryService.createDecisionDefinitionQuery().count()).as("nothing deployed").isEqualTo(versions);
  }

  /** As a process administrator deploys from Modeler: the one changed file, a new version of its decision. */
  private void deploy(String key, DmnModelInstance table) {
    driver.as("admin", () -> repositoryService.createDeployment().name(key)
        .addString(key + ".dmn", Dmn.convertToString(table)).deploy());
    if (!changed.contains(key)) {
      changed.add(key);
    }
  }

  private Task onePlusXReview(String reportKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reportKey).list().stream()
        .filter(t -> t.getName().contains("1+X")).findFirst().orElseThrow();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  /** What Cockpit's decision history shows of the latest version's evaluations, with their inputs and outputs. */
  private List<HistoricDecisionInstance> askedOfTheNewVersion(String key) {
    DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionId(latest.getId()).includeInputs()
        .includeOutputs().list();
  }

  private int historyCount(String key) {
    return (int) historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count();
  }

  private JsonNode evaluation() throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("province", "demo")
        .getForEntity("/api/evaluation/" + YEAR + "-03", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private JsonNode decisionHistory(String user) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(
        "/engine-rest/history/decision-instance?decisionDefinitionKey=" + RuleDecisions.EVALUATION_THRESHOLDS,
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  /** The findings of a unit in one of the evaluation's lists, or null when it is not listed. */
  private static JsonNode findings(JsonNode evaluation, String list, String code) {
    for (JsonNode unit : evaluation.get(list)) {
      if (unit.get("code").asText().equals(code)) {
        return unit.get("findings");
      }
    }
    return null;
  }
}
