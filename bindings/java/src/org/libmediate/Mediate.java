/* SPDX-License-Identifier: MIT */
package org.libmediate;

/**
 * libmediate for Java: version and error helpers.  The rest of the API is in
 * {@link Policy}, {@link Money}, {@link Time}, {@link Ids}, {@link Utf8};
 * {@link MediateNative} mirrors the C API one to one.
 *
 * <p>Every failure throws {@link MediateException}.  The native library
 * (libmediate_jni) is loaded when the first class that needs it is used:
 * from {@code -Dorg.libmediate.jni=/path/libmediate_jni.so} if set, else from
 * {@code java.library.path}.
 */
public final class Mediate {
  private Mediate() {}

  /** The version of the headers the binding was built with ("0.1.0"). */
  public static final String VERSION = MediateNativeConstants.MEDIATE_VERSION_STRING;

  /** The version of the libmediate actually loaded ("MAJOR.MINOR.PATCH"). */
  public static String version() {
    return MediateNative.mediate_version();
  }

  /** The loaded version as 0xMMmmpp (comparable with < and >). */
  public static long versionNumber() {
    return MediateNative.mediate_version_number();
  }

  /** A short English description of a MEDIATE_E* code. */
  public static String strerror(int code) {
    return MediateNative.mediate_strerror(code);
  }

  /** The symbolic name of a code ("MEDIATE_EINVAL"). */
  public static String errorName(int code) {
    return MediateNative.mediate_error_name(code);
  }

  /** A copy of this thread's last error (code OK when nothing failed). */
  public static MediateError lastError() {
    return MediateError.of(MediateNative.mediate_error_last());
  }

  /** This thread's last error in the compiler style "file:line:col: path: text". */
  public static String formatLastError() {
    byte[] buf = new byte[2048];
    MediateNative.mediate_error_format(buf, MediateNative.mediate_error_last());
    return NativeStrings.fromBuffer(buf);
  }

  /** Resets this thread's last error. */
  public static void clearError() {
    MediateNative.mediate_error_clear();
  }
}
