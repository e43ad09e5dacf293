package cn.henan.skills.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refusing the user's input, with a message for the user (in Chinese). The engine passes an exception from an
 * expression listener on as its {@code toString()}; this one is only its message, so Tasklist shows the sentence
 * without a Java class name in front of it.
 */
public class Refusal extends ProcessEngineException {
  public Refusal(String message) {
    super(message);
  }

  public Refusal(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
