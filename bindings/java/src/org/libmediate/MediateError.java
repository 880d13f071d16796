/* SPDX-License-Identifier: MIT */
package org.libmediate;

/**
 * One error record of libmediate: code, file, line, column, path and text.
 * Lines and columns count from 1 (0: unknown); the path looks like
 * {@code org[3].parent}.  {@link #toString()} gives the compiler-style form
 * {@code file:line:col: path: text}.  Immutable.
 */
public final class MediateError {
  /** Error codes (negative; see libmediate-errors(3)). */
  public static final int OK = 0, EINVAL = -1, ENOMEM = -2, ERANGE = -3, EPARSE = -4,
      EVALIDATE = -5, ELIMIT = -6, EUTF8 = -7, ENOTFOUND = -8, EEXISTS = -9, ESTATE = -10,
      EIO = -11, ESTORE = -12, EREFUSED = -13, EINFEASIBLE = -14, ETAMPER = -15,
      EBUFSIZE = -16, EINTERNAL = -17;

  private final int code;
  private final String file;
  private final long line;
  private final long column;
  private final String path;
  private final String text;

  public MediateError(int code, String file, long line, long column, String path, String text) {
    this.code = code;
    this.file = file == null ? "" : file;
    this.line = line;
    this.column = column;
    this.path = path == null ? "" : path;
    this.text = text == null ? "" : text;
  }

  /** A copy of a native record (from MediateNative.mediate_error_last()...). */
  static MediateError of(mediate_error rec) {
    return new MediateError(rec.getCode(), rec.getFile(), rec.getLine(), rec.getColumn(),
        rec.getPath(), rec.getText());
  }

  public int getCode() { return code; }
  /** The symbolic name of the code ("MEDIATE_EINVAL"). */
  public String getName() { return MediateNative.mediate_error_name(code); }
  public String getFile() { return file; }
  public long getLine() { return line; }
  public long getColumn() { return column; }
  public String getPath() { return path; }
  public String getText() { return text; }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0)
        sb.append(':').append(column);
    }
    if (sb.length() > 0)
      sb.append(": ");
    if (!path.isEmpty())
      sb.append(path).append(": ");
    sb.append(text.isEmpty() ? MediateNative.mediate_strerror(code) : text);
    return sb.toString();
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof MediateError))
      return false;
    MediateError e = (MediateError) o;
    return code == e.code && line == e.line && column == e.column && file.equals(e.file)
        && path.equals(e.path) && text.equals(e.text);
  }

  @Override public int hashCode() {
    return java.util.Objects.hash(code, file, line, column, path, text);
  }
}
