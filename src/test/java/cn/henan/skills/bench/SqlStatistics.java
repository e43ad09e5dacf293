package cn.henan.skills.bench;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * Counts the JDBC statements the application executes, by phase (a label the benchmark sets), while counting is on.
 * The DataSource is wrapped in a {@link Proxy} that wraps its connections, which wrap their statements; every
 * {@code execute*} call is one round trip, and a batch counts each of its statements (Camunda batches its flush on
 * PostgreSQL). For each statement the SQL text and the innermost application method on the stack are recorded, so
 * that repeated queries can be traced to the code that issues them.
 */
final class SqlStatistics {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern TABLE =
      Pattern.compile("^(?:insert into|update|delete from|(?:select|with)\\b.*?\\bfrom)\\s+\\(?\\s*(\\w+)");
  private static final Pattern COLUMNS = Pattern.compile("^select (distinct )?.*? from ");
  private static final String APP = "cn.henan.skills.";
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private volatile boolean counting;
  private volatile String phase = "other";
  private final Map<String, Counts> phases = new ConcurrentHashMap<>();
  private final Map<String, String> normalized = new ConcurrentHashMap<>();

  /** What one phase executed. */
  static final class Counts {
    final LongAdder statements = new LongAdder();
    final LongAdder roundTrips = new LongAdder();
    final LongAdder selects = new LongAdder();
    final LongAdder writes = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder connections = new LongAdder();
    final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
    final Map<String, LongAdder> byOrigin = new ConcurrentHashMap<>();

    long statements() {
      return statements.sum();
    }

    List<Map.Entry<String, Long>> top(Map<String, LongAdder> counts, int limit) {
      List<Map.Entry<String, Long>> entries = new ArrayList<>();
      counts.forEach((k, v) -> entries.add(Map.entry(k, v.sum())));
      entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
      return entries.subList(0, Math.min(limit, entries.size()));
    }
  }

  void start() {
    counting = true;
  }

  void stop() {
    counting = false;
  }

  void phase(String name) {
    phase = name;
  }

  Counts counts(String name) {
    return phases.getOrDefault(name, new Counts());
  }

  DataSource wrap(DataSource target) {
    Class<?>[] types = target instanceof Closeable
        ? new Class<?>[] {DataSource.class, Closeable.class} : new Class<?>[] {DataSource.class};
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), types, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof Connection connection) {
        if (counting) {
          current().connections.increment();
        }
        return connection(connection);
      }
      return result;
    });
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          switch (method.getName()) {
            case "createStatement" -> {
              return statement((Statement) result, Statement.class, null);
            }
            case "prepareStatement" -> {
              return statement((Statement) result, PreparedStatement.class, (String) args[0]);
            }
            case "prepareCall" -> {
              return statement((Statement) result, CallableStatement.class, (String) args[0]);
            }
            case "commit" -> {
              if (counting) {
                current().commits.increment();
              }
              return result;
            }
            default -> {
              return result;
            }
          }
        });
  }

  private Statement statement(Statement target, Class<? extends Statement> type, String preparedSql) {
    InvocationHandler handler = new InvocationHandler() {
      private final List<String> batch = new ArrayList<>();

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
        if (name.equals("addBatch")) {
          batch.add(sql);
        } else if (name.equals("clearBatch")) {
          batch.clear();
        } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
          if (counting) {
            Counts counts = current();
            counts.roundTrips.increment();
            String origin = origin();
            batch.forEach(statement -> record(counts, statement, origin));
          }
          batch.clear();
        } else if (name.startsWith("execute") && counting) {
          Counts counts = current();
          counts.roundTrips.increment();
          record(counts, sql, origin());
        }
        return SqlStatistics.invoke(target, method, args);
      }
    };
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private void record(Counts counts, String sql, String origin) {
    counts.statements.increment();
    String text = sql == null ? "?" : normalized.computeIfAbsent(sql, SqlStatistics::normalize);
    if (text.startsWith("select") || text.startsWith("with")) {
      counts.selects.increment();
    } else {
      counts.writes.increment();
    }
    counts.bySql.computeIfAbsent(text, k -> new LongAdder()).increment();
    counts.byOrigin.computeIfAbsent(origin, k -> new LongAdder()).increment();
  }

  private Counts current() {
    return phases.computeIfAbsent(phase, k -> new Counts());
  }

  /**
   * Where a statement comes from: the engine command it runs in (a query is its own command), whether it runs while
   * the command executes or when the command's changes are flushed at its end, and the two innermost application
   * methods on the stack (not the benchmark, not the test driver, not Spring's proxies).
   */
  private static String origin() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    String command = invocation == null ? "(outside an engine command)" : simpleName(invocation.getCommand().getClass());
    return WALKER.walk(frames -> {
      List<String> app = new ArrayList<>(2);
      String stage = invocation == null ? "" : " execute";
      for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
        Class<?> type = frame.getDeclaringClass();
        String name = type.getName();
        if (type == CommandContext.class && frame.getMethodName().equals("close")) {
          stage = " flush";
          break;
        }
        if (Command.class.isAssignableFrom(type)) {
          break;
        }
        if (app.size() < 2 && name.startsWith(APP) && !name.startsWith(APP + "bench.")
            && !name.startsWith(APP + "Driver") && !name.contains("$$") && !Proxy.isProxyClass(type)) {
          String method = simpleName(type) + "." + frame.getMethodName();
          if (app.isEmpty() || !app.get(app.size() - 1).equals(method)) {
            app.add(method);
          }
        }
      }
      return command + stage + (app.isEmpty() ? "" : " · " + String.join(" < ", app));
    });
  }

  private static String simpleName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The table a statement is about: the one it writes, or the first one it reads. */
  static String table(String sql) {
    java.util.regex.Matcher m = TABLE.matcher(sql);
    return m.find() ? m.group(1) : "?";
  }

  /**
   * The kind of table: the engine's history ({@code act_hi_*}), authorizations, other runtime state ({@code act_ru_*}),
   * identity ({@code act_id_*}), deployments ({@code act_re_*}, {@code act_ge_*}), or the application's own tables.
   */
  static String area(String table) {
    if (table.startsWith("act_hi_")) {
      return "history";
    }
    if (table.equals("act_ru_authorization")) {
      return "authz";
    }
    if (table.startsWith("act_ru_")) {
      return "runtime";
    }
    if (table.startsWith("act_id_")) {
      return "identity";
    }
    if (table.startsWith("act_re_") || table.startsWith("act_ge_")) {
      return "repository";
    }
    return "domain";
  }

  private static String normalize(String sql) {
    return SPACE.matcher(sql.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** A statement for printing: the column list of a select left out, cut at {@code width} characters. */
  static String shorten(String sql, int width) {
    String text = COLUMNS.matcher(sql).replaceFirst("select $1… from ");
    return text.length() > width ? text.substring(0, width) + "…" : text;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
