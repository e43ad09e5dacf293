package cn.henan.skills.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The limit under everything else: how many transactions PostgreSQL commits per second on this machine, each one
 * single-row insert committed on its own (what a JDBC loop can do at best), on 1, 2 and 4 connections, on a server
 * with fsync on as the default profile runs one that keeps its data: {@code synchronous_commit} on (each commit waits
 * for its WAL flush to disk: the default profile with a data directory, and PostgreSQL's default) and off (the
 * tests' throw-away server). Divided by the commits one report needs (MonthlyChainBenchmark's "commits" column), it
 * bounds the reports per second the database could take.
 */
class CommitRateBenchmark {
  static final int COMMITS_PER_THREAD = 2_000;

  @Test
  void singleRowCommits() throws Exception {
    Path directory = Files.createTempDirectory("commit-rate");
    StringBuilder out = new StringBuilder();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
        .setServerConfig("fsync", "on").start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("create table commit_probe (id bigserial primary key, payload varchar(64) not null)");
      }
      line(out, "=== CommitRateBenchmark: single-row insert + commit, embedded PostgreSQL %s ===", version(dataSource));
      line(out, "  %-20s %8s %10s %12s %12s", "synchronous_commit", "threads", "commits", "commits/s", "ms/commit");
      for (String synchronous : List.of("on", "off")) {
        for (int threads : new int[] {1, 2, 4}) {
          run(dataSource, synchronous, threads, 200); // warm-up
          long start = System.nanoTime();
          int commits = run(dataSource, synchronous, threads, COMMITS_PER_THREAD);
          long elapsed = System.nanoTime() - start;
          line(out, "  %-20s %8d %10d %12.0f %12.2f", synchronous, threads, commits, commits / (elapsed / 1e9),
              elapsed / 1e6 / commits * threads);
        }
      }
    }
    String text = out.toString();
    System.out.println(text);
    Path file = Path.of("target", "bench", "commit-rate.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static int run(DataSource dataSource, String synchronous, int threads, int perThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> commits(dataSource, synchronous, perThread)));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int commits(DataSource dataSource, String synchronous, int count) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("set synchronous_commit = " + synchronous);
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("insert into commit_probe (payload) values (?)")) {
        for (int i = 0; i < count; i++) {
          insert.setString(1, "report " + i);
          insert.executeUpdate();
          c.commit();
        }
      }
    }
    return count;
  }

  private static String version(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    }
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
