package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A question asked again within one transaction is answered from memory; a new transaction asks again. */
class TransactionMemoTest {
  private final TransactionMemo<String, String> memo = new TransactionMemo<>();
  private final AtomicInteger asked = new AtomicInteger();

  @AfterEach
  void noTransactionLeftOpen() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void onceWithinATransactionAgainInTheNext() {
    begin();
    assertThat(memo.get("u088", this::name)).isEqualTo("name 1 of u088");
    assertThat(memo.get("u088", this::name)).as("answered from memory").isEqualTo("name 1 of u088");
    assertThat(memo.get("u104", this::name)).isEqualTo("name 2 of u104");
    memo.clear(); // the transaction renamed a unit
    assertThat(memo.get("u088", this::name)).isEqualTo("name 3 of u088");
    end();

    begin();
    assertThat(memo.get("u088", this::name)).as("a new transaction asks again").isEqualTo("name 4 of u088");
    end();
    assertThat(TransactionSynchronizationManager.getResourceMap()).as("nothing left bound").isEmpty();
  }

  @Test
  void outsideATransactionEveryCallAsks() {
    memo.get("u088", this::name);
    memo.get("u088", this::name);
    assertThat(asked).hasValue(2);
  }

  private String name(String code) {
    return "name " + asked.incrementAndGet() + " of " + code;
  }

  private static void begin() {
    TransactionSynchronizationManager.initSynchronization();
  }

  /** What a transaction manager does when the transaction ends. */
  private static void end() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
    }
    TransactionSynchronizationManager.clearSynchronization();
  }
}
