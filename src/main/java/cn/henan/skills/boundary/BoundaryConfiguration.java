package cn.henan.skills.boundary;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BoundaryConfiguration {

  /**
   * Both REST roots that reach the engine (the public one and the one Tasklist and Cockpit call) and the app's own
   * {@code /api}; in front of the sign-in filters, whose password check is the first to fail when the database is
   * down.
   */
  @Bean
  FilterRegistrationBean<RefusalResponses> refusalResponses() {
    FilterRegistrationBean<RefusalResponses> registration = new FilterRegistrationBean<>(new RefusalResponses());
    registration.setName("skills-henan-refusal-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
