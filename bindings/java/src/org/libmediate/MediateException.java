/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Thrown by every binding call whose C function returned a negative
 * mediate_status.  Carries the first error (code, file, line, column, path,
 * text) and, for a policy load, every error found ({@link #getErrors()}).
 */
public class MediateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MediateError error;
  private final List<MediateError> errors;

  public MediateException(MediateError error) {
    this(error, Collections.singletonList(error));
  }

  public MediateException(MediateError error, List<MediateError> errors) {
    super(error.toString());
    this.error = error;
    this.errors = Collections.unmodifiableList(errors.isEmpty()
        ? Collections.singletonList(error) : new java.util.ArrayList<>(errors));
  }

  /** Called from JNI (mediate_java.i) with the record of the failure. */
  static MediateException fromNative(int code, byte[] file, long line, long column, byte[] path,
      byte[] text) {
    return new MediateException(new MediateError(code, str(file), line, column, str(path),
        str(text)));
  }

  private static String str(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /** The first error. */
  public MediateError getError() { return error; }
  /** Every error found (at least the first). */
  public List<MediateError> getErrors() { return errors; }
  /** The negative MEDIATE_E* code (MediateError.EINVAL...). */
  public int getCode() { return error.getCode(); }
  /** The symbolic name of the code ("MEDIATE_EVALIDATE"). */
  public String getName() { return error.getName(); }
  public String getFile() { return error.getFile(); }
  public long getLine() { return error.getLine(); }
  public long getColumn() { return error.getColumn(); }
  public String getPath() { return error.getPath(); }
  public String getText() { return error.getText(); }
}
