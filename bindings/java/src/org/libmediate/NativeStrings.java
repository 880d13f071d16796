/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;

/**
 * Strings cross JNI as real UTF-8 bytes (JNI's own conversions use
 * "modified UTF-8", which mangles characters outside the BMP).  Used by the
 * SWIG-generated classes; fromBuffer() reads the byte[] buffers that the
 * MediateNative functions with a (char *buf, size_t size) parameter fill.
 */
public final class NativeStrings {
  private NativeStrings() {}

  /** UTF-8 bytes of s, or null; refuses a NUL character (C would cut there). */
  public static byte[] encode(String s) {
    if (s == null)
      return null;
    if (s.indexOf('\0') >= 0)
      throw new MediateException(new MediateError(MediateError.EUTF8, "", 0, 0, "",
          "the string holds a NUL character"));
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The text of UTF-8 bytes, or null. */
  public static String decode(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** The text of a NUL-terminated buffer filled by C (up to the first NUL). */
  public static String fromBuffer(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0)
      n++;
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }
}
