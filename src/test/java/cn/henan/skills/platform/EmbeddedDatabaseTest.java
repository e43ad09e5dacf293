package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as the default profile starts it: durable where it keeps data, fast where it does not. */
class EmbeddedDatabaseTest {
  @TempDir Path data;

  @Test
  void keptDataIsCommittedToDiskBeforeTheCommitReturns() throws Exception {
    try (EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres(data.toString())) {
      assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(postgres, "fsync")).isEqualTo("on");
      assertThat(setting(postgres, "data_directory")).isEqualTo(data.toRealPath().toString());
    }
  }

  @Test
  void aThrowAwayDatabaseForTestsNeedNotWaitForTheDisk() throws Exception {
    try (EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres("")) {
      assertThat(setting(postgres, "synchronous_commit")).isEqualTo("off");
    }
  }

  private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
