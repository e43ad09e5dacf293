package cn.henan.skills.tabular;

/** The upload as a whole cannot be read as a table; the message, in Chinese, tells the uploader what to do. */
public class TabularFileException extends RuntimeException {
  TabularFileException(String message) {
    super(message);
  }

  TabularFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
