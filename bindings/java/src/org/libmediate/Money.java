/* SPDX-License-Identifier: MIT */
package org.libmediate;

/**
 * Exact money: long amounts in fen (1 yuan = 100 fen).  Every operation
 * throws {@link MediateException} (ERANGE) instead of overflowing.
 */
public final class Money {
  private Money() {}

  /** The largest and smallest amounts. */
  public static final long MAX = Long.MAX_VALUE, MIN = -Long.MAX_VALUE;

  /** Parses yuan text ("1234.56", "-0.5", "12"): "12.34" gives 1234. */
  public static long parse(String text) {
    long[] out = new long[1];
    MediateNative.mediate_money_parse(out, text);
    return out[0];
  }

  /** Formats fen as yuan with two decimals: 1234 gives "12.34". */
  public static String format(long fen) {
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_MONEY_BUFSIZE];
    MediateNative.mediate_money_format(buf, fen);
    return NativeStrings.fromBuffer(buf);
  }

  public static long add(long a, long b) {
    long[] out = new long[1];
    MediateNative.mediate_money_add(out, a, b);
    return out[0];
  }

  public static long sub(long a, long b) {
    long[] out = new long[1];
    MediateNative.mediate_money_sub(out, a, b);
    return out[0];
  }

  public static long mul(long amount, long factor) {
    long[] out = new long[1];
    MediateNative.mediate_money_mul(out, amount, factor);
    return out[0];
  }

  /** amount * num / den rounded half away from zero to the fen (den &gt; 0). */
  public static long mulRatio(long amount, long num, long den) {
    long[] out = new long[1];
    MediateNative.mediate_money_mul_ratio(out, amount, num, den);
    return out[0];
  }

  /**
   * Splits total into parts proportional to weights (0..4294967295) by the
   * largest remainder method; the parts add up to total exactly.
   */
  public static long[] split(long total, long... weights) {
    long[] parts = new long[weights.length];
    MediateNative.mediate_money_split(parts, total, weights);
    return parts;
  }
}
