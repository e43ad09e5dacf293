package cn.henan.skills.urge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.identity.UnitAccess;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 督办: the province urges any unit, a city its own schools; the unit replies by the deadline, the urger reads it. */
@SkillsHenanTest
class UrgeTest {
  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired UnitRegistry units;
  @Autowired UnitAccess unitAccess;

  @Test
  void theProvinceUrgesAUnitThatRepliesByTheDeadline() {
    Date replyBy = Date.from(java.time.Instant.parse("2030-06-10T16:00:00Z"));
    ProcessInstance urge = driver.as("province", () -> runtimeService.startProcessInstanceByKey("urge",
        Variables.putValue("unitCode", "u030").putValue("urgeMessage", "取证进度缓慢，请说明原因和整改措施")
            .putValue("replyBy", replyBy)));
    assertThat(urge.getBusinessKey()).startsWith("u030/");
    Task reply = driver.task(urge.getBusinessKey(), "u030-filer");
    assertThat(reply.getName()).startsWith("回复督办（河南工业大学，").endsWith("日发出）");
    assertThat(reply.getDueDate()).isEqualTo(replyBy);
    assertThat(taskService.getVariable(reply.getId(), "urgeMessage")).isEqualTo("取证进度缓慢，请说明原因和整改措施");
    driver.complete("u030-filer", reply, Map.of("urgeReply", "已增加两期考核，月底前补齐"));

    Task read = driver.task(urge.getBusinessKey(), "province-edu");
    assertThat(read.getName()).isEqualTo(reply.getName().replace("回复督办", "查看督办回复"));
    assertThat(taskService.getVariable(read.getId(), "urgeReply")).isEqualTo("已增加两期考核，月底前补齐");
    driver.complete("province", read, Map.of("replyRead", true));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(urge.getId()).count()).isZero();
  }

  @Test
  void aCityUrgesItsOwnSchoolsOnlyAndAUnitCannotUrge() {
    List<Unit> schools = units.schoolsOf("u003").isEmpty()
        ? units.registerSchools("u003", List.of("洛阳市第一职业高级中学")) : units.schoolsOf("u003");
    schools.forEach(unitAccess::ensureUnitIdentity);
    String school = schools.get(0).getCode();

    ProcessInstance urge = driver.as("u003-filer", () -> runtimeService.startProcessInstanceByKey("urge",
        Variables.putValue("unitCode", school).putValue("urgeMessage", "请尽快报送月报")
            .putValue("replyBy", new Date())));
    driver.complete(school + "-filer", driver.task(urge.getBusinessKey(), school + "-filer"),
        Map.of("urgeReply", "已报送"));
    assertThat(driver.task(urge.getBusinessKey(), "u003-filer").getName()).startsWith("查看督办回复（洛阳市");

    assertThatThrownBy(() -> driver.as("u002-filer", () -> runtimeService.startProcessInstanceByKey("urge",
        Variables.putValue("unitCode", school).putValue("urgeMessage", "x").putValue("replyBy", new Date()))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只能督办本局所属学校");
    assertThatThrownBy(() -> driver.as("u029-filer", () -> runtimeService.startProcessInstanceByKey("urge",
        Variables.putValue("unitCode", "u030").putValue("urgeMessage", "x").putValue("replyBy", new Date()))))
        .isInstanceOf(AuthorizationException.class);
  }
}
