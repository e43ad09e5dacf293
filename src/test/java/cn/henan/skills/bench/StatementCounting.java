package cn.henan.skills.bench;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's DataSource so that a benchmark can count statements ({@link SqlStatistics}); imported by
 * the benchmarks that count, so only their context has it.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {
  @Bean
  static SqlStatistics sqlStatistics() {
    return new SqlStatistics();
  }

  @Bean
  static BeanPostProcessor countingDataSource(SqlStatistics statistics) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? statistics.wrap(dataSource) : bean;
      }
    };
  }
}
