package cn.henan.skills.platform;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whether a failure means the database cannot be reached (stopped, restarting, network gone), not a fault of ours. */
public final class DatabaseOutage {
  /** What a person is told while the database cannot be reached. */
  public static final String MESSAGE = "数据库暂时无法连接，本次操作没有保存任何内容，请稍后再试。";

  private DatabaseOutage() {
  }

  public static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof SocketException
          || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      // a failed rollback hides the first failure; the pool then says only this (without a SQLSTATE)
      if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
