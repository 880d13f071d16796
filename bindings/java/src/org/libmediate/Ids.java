/* SPDX-License-Identifier: MIT */
package org.libmediate;

/** Identifiers: UUIDs in canonical lower-case text. */
public final class Ids {
  private Ids() {}

  private static String format(mediate_id id) {
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_ID_BUFSIZE];
    MediateNative.mediate_id_format(buf, id);
    return NativeStrings.fromBuffer(buf);
  }

  private static mediate_id id(String text) {
    mediate_id id = new mediate_id();
    try {
      MediateNative.mediate_id_parse(id, text);
    } catch (MediateException e) {
      id.delete();
      throw e;
    }
    return id;
  }

  /** A new random (version 4) UUID. */
  public static String generate() {
    mediate_id id = new mediate_id();
    try {
      MediateNative.mediate_id_generate(id);
      return format(id);
    } finally {
      id.delete();
    }
  }

  /** Checks a UUID (either case) and returns its canonical text. */
  public static String parse(String text) {
    mediate_id id = id(text);
    try {
      return format(id);
    } finally {
      id.delete();
    }
  }

  /** &lt;0, 0 or &gt;0 comparing two UUIDs byte by byte. */
  public static int compare(String a, String b) {
    mediate_id x = id(a), y = null;
    try {
      y = id(b);
      return MediateNative.mediate_id_compare(x, y);
    } finally {
      x.delete();
      if (y != null)
        y.delete();
    }
  }

  /** True for 00000000-0000-0000-0000-000000000000. */
  public static boolean isNil(String text) {
    mediate_id id = id(text);
    try {
      return MediateNative.mediate_id_is_nil(id) != 0;
    } finally {
      id.delete();
    }
  }
}
