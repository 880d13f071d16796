/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;

/** UTF-8 checks as done at the library's boundary. */
public final class Utf8 {
  private Utf8() {}

  /** Throws MediateException (EUTF8) unless bytes are well-formed UTF-8 without NUL. */
  public static void validate(byte[] bytes) {
    MediateNative.mediate_utf8_validate(bytes, new long[1]);
  }

  /** The offset of the first bad byte, or -1 when the bytes are valid. */
  public static long invalidOffset(byte[] bytes) {
    long[] bad = new long[1];
    try {
      MediateNative.mediate_utf8_validate(bytes, bad);
      return -1;
    } catch (MediateException e) {
      if (e.getCode() != MediateError.EUTF8)
        throw e;
      return bad[0];
    }
  }

  /** The number of code points of valid UTF-8 bytes. */
  public static long length(byte[] bytes) {
    long[] out = new long[1];
    MediateNative.mediate_utf8_length(out, bytes);
    return out[0];
  }

  /** The number of code points of a string (as the library counts them). */
  public static long length(String s) {
    return length(s.getBytes(StandardCharsets.UTF_8));
  }
}
