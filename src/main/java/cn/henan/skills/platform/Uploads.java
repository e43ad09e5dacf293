package cn.henan.skills.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.FileValue;

/** Files uploaded through a Tasklist form. */
public final class Uploads {
  private Uploads() {
  }

  public record Upload(String fileName, byte[] content) {
  }

  /** The chosen file, or empty when none was: Tasklist then sends an empty, nameless file (or nothing). */
  public static Optional<Upload> of(FileValue file) {
    if (file == null || file.getValue() == null || file.getFilename() == null || file.getFilename().isBlank()) {
      return Optional.empty();
    }
    try (InputStream in = file.getValue()) {
      return Optional.of(new Upload(file.getFilename(), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
