package cn.henan.skills.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step refusing the user's input, with a message for the user (in Chinese). The engine passes an exception from an
 * expression listener on as its {@code toString()}; this one is only its message, so Tasklist shows the sentence
 * without a Java class name in front of it. Answered over HTTP with {@link #httpStatus()} (400 unless a kind of
 * refusal says otherwise: a task done meanwhile 409, too many requests 429, the system busy 503). A bad user
 * request to the engine, which therefore logs it at debug level instead of as an error with its stack.
 */
public class Refusal extends BadUserRequestException {
  private final int httpStatus;

  public Refusal(String message) {
    this(message, 400);
  }

  public Refusal(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 400;
  }

  protected Refusal(String message, int httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
