package cn.henan.skills.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started in-process, so the default profile and the tests need nothing installed.
 * With a data directory the database survives restarts; without one (tests) each run starts empty.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skills-henan.database.embedded", havingValue = "true")
class EmbeddedDatabaseConfiguration {

  // Closed after the DataSource and the process engine that use it (Spring destroys dependants first).
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${skills-henan.database.data-directory:}") String dataDirectory)
      throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
    if (!dataDirectory.isBlank()) {
      Path directory = Path.of(dataDirectory).toAbsolutePath();
      Files.createDirectories(directory);
      // data that is kept must survive a power cut: a commit returns once it is on disk, as PostgreSQL does by
      // default (zonky starts its servers for throw-away test data: fsync off, synchronous_commit off)
      builder.setDataDirectory(directory).setCleanDataDirectory(false)
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    return builder.start();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(10);
    config.setPoolName("skills-henan-embedded");
    return new HikariDataSource(config);
  }
}
