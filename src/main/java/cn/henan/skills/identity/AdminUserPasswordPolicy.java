package cn.henan.skills.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's password policy ({@code enablePasswordPolicy} in application.yml) binds users who change their password;
 * the starter's initial administrator ({@code camunda.bpm.admin-user}, {@code admin}/{@code admin} in the default
 * profile) is seeded like the demo users, without it. The starter creates that user with a plain {@code saveUser} in
 * its engine plugin (order 0), which the policy would refuse and so stop the start; these two plugins lift the
 * policy just around it (before, order -1; after, order 1), while the engine is built and nobody can sign in yet.
 */
@Configuration(proxyBeanMethods = false)
class AdminUserPasswordPolicy {

  @Bean
  PolicyOff passwordPolicyOffForTheAdminUser() {
    return new PolicyOff();
  }

  @Bean
  PolicyBackOn passwordPolicyBackOn(PolicyOff off) {
    return new PolicyBackOn(off);
  }

  /** Before the starter's plugins: remembers the configured policy and lifts it. */
  static final class PolicyOff extends SpringBootProcessEnginePlugin implements Ordered {
    private volatile boolean configured;

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      ProcessEngineConfigurationImpl configuration = configuration(engine);
      configured = configuration.isEnablePasswordPolicy();
      configuration.setEnablePasswordPolicy(false);
    }

    @Override
    public int getOrder() {
      return -1;
    }
  }

  /** After the starter's plugins: the policy as configured. */
  static final class PolicyBackOn extends SpringBootProcessEnginePlugin implements Ordered {
    private final PolicyOff off;

    PolicyBackOn(PolicyOff off) {
      this.off = off;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      configuration(engine).setEnablePasswordPolicy(off.configured);
    }

    @Override
    public int getOrder() {
      return 1;
    }
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
