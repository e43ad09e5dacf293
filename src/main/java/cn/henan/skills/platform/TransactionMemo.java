package cn.henan.skills.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers computed once per database transaction: a task's completion asks the same question (a unit's name in a
 * year) many times, and each asking was a query. Nothing outlives the transaction, so what another node or a later
 * transaction changes is seen next time — unlike an application cache, which two nodes would each keep stale. Outside
 * a transaction every call computes.
 */
public final class TransactionMemo<K, V> {
  /** This memo's key among the transaction's resources. */
  private final Object resource = new Object();

  public V get(K key, Function<K, V> compute) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return compute.apply(key);
    }
    Map<K, V> answers = answers();
    if (answers.containsKey(key)) {
      return answers.get(key);
    }
    V value = compute.apply(key);
    answers.put(key, value);
    return value;
  }

  /** Forgets this transaction's answers (after the transaction itself changed what they were computed from). */
  public void clear() {
    if (TransactionSynchronizationManager.hasResource(resource)) {
      answers().clear();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<K, V> answers() {
    Map<K, V> answers = (Map<K, V>) TransactionSynchronizationManager.getResource(resource);
    if (answers == null) {
      answers = new HashMap<>();
      TransactionSynchronizationManager.bindResource(resource, answers);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }
      });
    }
    return answers;
  }
}
