package cn.henan.skills.platform;

import java.util.Set;

/**
 * A step that takes an uploaded file out of its process instance and keeps the bytes with the domain (a report's
 * stamped scan, an institution's PDF). History then records that the file was sent — its name and type — but not a
 * second and third copy of its bytes ({@link UploadsOutOfHistory}).
 */
public interface KeepsUploads {
  /** The file variables whose bytes this step stores in the domain and removes from the instance. */
  Set<String> uploadVariables();
}
