package cn.henan.skills.boundary;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BoundaryConfiguration {

  /** Both REST roots that reach the engine: the public one and the one Tasklist and Cockpit call. */
  @Bean
  FilterRegistrationBean<RefusalResponses> refusalResponses() {
    FilterRegistrationBean<RefusalResponses> registration = new FilterRegistrationBean<>(new RefusalResponses());
    registration.setName("skills-henan-refusal-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }
}
