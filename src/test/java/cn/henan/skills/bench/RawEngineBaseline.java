package cn.henan.skills.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare engine the application is compared with, in the same run and on the same PostgreSQL server (a database
 * of its own): Camunda 7 configured as the application configures it (history full, authorization on, historic
 * instance permissions, UUIDs, JDBC batching) and one model with the monthly report's five user tasks — fill, sign,
 * upload, then the two reviews in parallel — whose candidate groups are the same groups, started with the same
 * variables, and granting the unit's filer and leader groups (and a school's city bureau) READ on the instance and
 * its history at the start, as the application does. No forms, no domain tables, no listeners beyond that grant,
 * no trust boundary, no PDF or scan check: what the engine itself costs for the same work.
 */
final class RawEngineBaseline implements AutoCloseable {
  static final String PROCESS_KEY = "raw-monthly-report";
  static final String DATABASE = "raw_engine_baseline";

  /** One report of the round: its unit, who does each task and the variables each sends. */
  record Report(String unit, List<String> readers, Map<String, Object> startVariables,
      Map<String, String> groups, Map<String, String> users, Map<String, Map<String, Object>> variables) {
  }

  private final ProcessEngine engine;
  private final HikariDataSource dataSource;
  private final SqlStatistics sql;

  /** A new engine on an empty database {@value #DATABASE} beside the one {@code applicationDataSource} uses. */
  RawEngineBaseline(DataSource applicationDataSource, SqlStatistics sql) throws SQLException {
    this.sql = sql;
    String url;
    try (Connection connection = applicationDataSource.getConnection();
        Statement statement = connection.createStatement()) {
      url = connection.getMetaData().getURL();
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE);
    }
    // a pool like the application's: Hikari with its defaults
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url.replaceFirst("/[^/?]*(\\?|$)", "/" + DATABASE + "$1"));
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(10);
    pool.setPoolName("raw-baseline");
    dataSource = new HikariDataSource(pool);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("raw-baseline");
    configuration.setDataSource(sql.wrap(dataSource));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(false);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("raw baseline")
        .addModelInstance(PROCESS_KEY + ".bpmn", model()).deploy();
  }

  /** Starts one instance per report (outside any measurement, like the application's March timers). */
  void open(String businessKeyPrefix, List<Report> reports) {
    for (Report report : reports) {
      Map<String, Object> variables = new LinkedHashMap<>(report.startVariables());
      report.groups().forEach((task, group) -> variables.put(task + "Group", group));
      variables.put("readers", String.join(",", report.readers()));
      engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKeyPrefix + report.unit(), variables);
    }
  }

  /**
   * One kind of task for every report, as the application's benchmark does it: the task found by business key and
   * candidate group, then claimed and completed as the user, with that user's groups.
   */
  TaskRound step(String kind, String businessKeyPrefix, List<Report> reports) {
    TaskService tasks = engine.getTaskService();
    TaskRound round = new TaskRound(kind, reports.size());
    long start = System.nanoTime();
    for (int i = 0; i < reports.size(); i++) {
      Report report = reports.get(i);
      String group = report.groups().get(kind);
      sql.phase("find: " + kind);
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKeyPrefix + report.unit())
          .taskCandidateGroup(group).taskDefinitionKey(kind).includeAssignedTasks().singleResult();
      if (task == null) {
        throw new AssertionError("no " + kind + " task for " + report.unit());
      }
      sql.phase(kind);
      String user = report.users().get(kind);
      long t = System.nanoTime();
      engine.getIdentityService().setAuthentication(user, List.of(group));
      try {
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), report.variables().get(kind));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      round.completions()[i] = System.nanoTime() - t;
    }
    round.wall = System.nanoTime() - start;
    sql.phase("other");
    return round;
  }

  long runningInstances() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  /** The task kinds in the order a report goes through them (the ids of the model's user tasks). */
  static List<String> kinds() {
    return List.of("fill", "sign", "upload", "reviewSkills", "reviewOnePlusX");
  }

  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_KEY).name("月报（裸引擎对照）").camundaHistoryTimeToLive(3650)
        .startEvent("started").camundaExecutionListenerClass(ExecutionListener.EVENTNAME_START, GrantReaders.class)
        .userTask("fill").camundaCandidateGroups("${fillGroup}")
        .userTask("sign").camundaCandidateGroups("${signGroup}")
        .userTask("upload").camundaCandidateGroups("${uploadGroup}")
        .parallelGateway("reviews")
        .userTask("reviewSkills").camundaCandidateGroups("${reviewSkillsGroup}")
        .parallelGateway("reviewed")
        .endEvent("accepted")
        .moveToNode("reviews")
        .userTask("reviewOnePlusX").camundaCandidateGroups("${reviewOnePlusXGroup}")
        .connectTo("reviewed")
        .done();
  }

  /** The grant every per-unit instance gets at its start: READ on the instance and its history. */
  public static final class GrantReaders implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
      for (String group : ((String) execution.getVariable("readers")).split(",")) {
        Authorization instance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instance.setGroupId(group);
        instance.setResource(Resources.PROCESS_INSTANCE);
        instance.setResourceId(execution.getProcessInstanceId());
        instance.addPermission(ProcessInstancePermissions.READ);
        authorizations.saveAuthorization(instance);
        Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        history.setGroupId(group);
        history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        history.setResourceId(execution.getProcessInstanceId());
        history.addPermission(HistoricProcessInstancePermissions.READ);
        authorizations.saveAuthorization(history);
      }
    }
  }

  /** The reports of a round, built from what the application's round used. */
  static List<Report> reports(List<String> units, Function<String, List<String>> readers,
      Function<String, Map<String, Object>> startVariables, Function<String, Map<String, String>> groups,
      Function<String, Map<String, String>> users, Function<String, Map<String, Map<String, Object>>> variables) {
    List<Report> reports = new ArrayList<>();
    for (String unit : units) {
      reports.add(new Report(unit, readers.apply(unit), startVariables.apply(unit), groups.apply(unit),
          users.apply(unit), variables.apply(unit)));
    }
    return reports;
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
