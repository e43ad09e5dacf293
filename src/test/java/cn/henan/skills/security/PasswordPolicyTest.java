package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's password policy is on: a user changing their own password must follow it. The seeded demo users keep
 * "demo" and the starter's administrator "admin" (both created without the policy). Uses {@code u170-leader}, which
 * no other test signs in as, and gives it back "demo" at the end.
 */
@SkillsHenanTest
class PasswordPolicyTest {
  static final String USER = "u170-leader";
  static final String COMPLIANT = "Henan-2044-jineng!";

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;

  @Test
  void theSeededUsersKeepTheirPasswordsAndTheAdministratorExists() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnablePasswordPolicy())
        .isTrue();
    assertThat(identityService.checkPassword("admin", "admin")).as("the starter's admin user, created").isTrue();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
    assertThat(identityService.checkPassword("u170-filer", "demo")).isTrue();
    assertThat(identityService.checkPassword("province", "demo")).isTrue();
  }

  @Test
  void aUnitUserChangingTheirPasswordMustFollowThePolicy() {
    try {
      ResponseEntity<String> weak = changeOwnPassword("demo", "123");
      assertThat(weak.getStatusCode()).as(weak.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(weak.getBody()).contains("新密码不符合密码规则").doesNotContain("Exception");
      assertThat(identityService.checkPassword(USER, "demo")).as("unchanged").isTrue();

      ResponseEntity<String> strong = changeOwnPassword("demo", COMPLIANT);
      assertThat(strong.getStatusCode().is2xxSuccessful()).as(strong.getStatusCode() + " " + strong.getBody())
          .isTrue();
      assertThat(identityService.checkPassword(USER, COMPLIANT)).isTrue();
      assertThat(http.withBasicAuth(USER, COMPLIANT).getForEntity("/engine-rest/task", String.class)
          .getStatusCode().is2xxSuccessful()).as("signs in with the new password").isTrue();
    } finally {
      // back to the demo password, as an administrator seeds it (the policy would refuse "demo")
      User user = identityService.createUserQuery().userId(USER).singleResult();
      user.setPassword("demo");
      ((IdentityServiceImpl) identityService).saveUser(user, true);
    }
    assertThat(identityService.checkPassword(USER, "demo")).isTrue();
  }

  private ResponseEntity<String> changeOwnPassword(String current, String next) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(USER, current).exchange("/engine-rest/user/" + USER + "/credentials", HttpMethod.PUT,
        new HttpEntity<>("{\"password\":\"" + next + "\",\"authenticatedUserPassword\":\"" + current + "\"}",
            headers), String.class);
  }
}
