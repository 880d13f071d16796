/* SPDX-License-Identifier: MIT */
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.libmediate.*;

/**
 * Core API through Java: errors, version, money, time, ids, UTF-8, load
 * options, allocator; each function through MediateNative (one to one with
 * C) and through the idiomatic classes.
 */
public class CoreTest {
  static final long T = 1793669400L;   // 2026-11-03T09:30:00+08:00

  static MediateException raisesCode(int code, Check.Body body) {
    MediateException e = Check.raises(MediateException.class, body);
    Check.equal(Mediate.errorName(code), e.getName());
    Check.equal(code, e.getCode());
    return e;
  }

  public void testErrorNamesAndTexts() {
    for (int code = -17; code < 0; code++) {
      Check.isTrue(MediateNative.mediate_error_name(code).startsWith("MEDIATE_E"), "name " + code);
      Check.isTrue(!MediateNative.mediate_strerror(code).equals("unknown error"), "text " + code);
    }
    Check.equal("MEDIATE_EINVAL", MediateNative.mediate_error_name(MediateNativeConstants.MEDIATE_EINVAL));
    Check.equal("MEDIATE_E?", Mediate.errorName(-999));
    Check.equal("out of memory", Mediate.strerror(MediateError.ENOMEM));
    Check.equal(MediateNativeConstants.MEDIATE_EINTERNAL, MediateError.EINTERNAL);
    Check.equal(MediateNativeConstants.MEDIATE_EBUFSIZE, MediateError.EBUFSIZE);
  }

  public void testFailureCarriesTheLastError() {
    MediateNative.mediate_error_clear();
    Check.equal(0, MediateNative.mediate_error_last().getCode());
    MediateException e = raisesCode(MediateError.EPARSE, () -> Money.parse("12,5"));
    Check.isTrue(e.getText().contains("12,5"), e.getText());
    Check.equal("", e.getFile());
    Check.equal(0, e.getLine());
    Check.equal(0, e.getColumn());
    Check.equal("", e.getPath());
    Check.equal(1, e.getErrors().size());
    mediate_error last = MediateNative.mediate_error_last();
    Check.equal(MediateError.EPARSE, last.getCode());
    Check.equal(e.getText(), last.getText());
    Check.equal(e.getError(), Mediate.lastError());
    Check.equal(e.getText(), Mediate.formatLastError());
    Mediate.clearError();
    Check.equal(0, Mediate.lastError().getCode());
    Check.isTrue(e instanceof RuntimeException, "unchecked");
  }

  public void testErrorFormat() {
    raisesCode(MediateError.EVALIDATE,
        () -> Policy.loadString("policy: {name: 测试}\ntaxonomy: []\norg: []\n", "镇街政策.yaml"));
    byte[] buf = new byte[1024];
    long n = MediateNative.mediate_error_format(buf, MediateNative.mediate_error_last());
    String text = new String(buf, 0, (int) n, java.nio.charset.StandardCharsets.UTF_8);
    Check.isTrue(text.startsWith("镇街政策.yaml:2:"), text);
    Check.isTrue(text.contains(": taxonomy: "), text);
    Check.equal(text, Mediate.lastError().toString());
    byte[] small = new byte[8];
    long needed = MediateNative.mediate_error_format(small, MediateNative.mediate_error_last());
    Check.equal(n, needed);
  }

  public void testErrorsArePerThread() throws Exception {
    Mediate.clearError();
    int[] seen = new int[1];
    Thread t = new Thread(() -> {
      try {
        Money.parse("abc");
      } catch (MediateException e) {
        seen[0] = Mediate.lastError().getCode();
      }
    });
    t.start();
    t.join();
    Check.equal(MediateError.EPARSE, seen[0]);
    Check.equal(0, Mediate.lastError().getCode());
  }

  public void testVersion() {
    Check.equal(MediateNativeConstants.MEDIATE_VERSION_STRING, MediateNative.mediate_version());
    Check.equal(Mediate.VERSION, Mediate.version());
    long n = MediateNative.mediate_version_number();
    Check.equal(n, Mediate.versionNumber());
    String[] p = Mediate.version().split("\\.");
    Check.equal((Long.parseLong(p[0]) << 16) | (Long.parseLong(p[1]) << 8) | Long.parseLong(p[2]), n);
  }

  public void testMoneyParseFormat() {
    long[] out = new long[1];
    MediateNative.mediate_money_parse(out, "12.34");
    Check.equal(1234, out[0]);
    Check.equal(-50, Money.parse("-0.5"));
    Check.equal(40000000, Money.parse("400000"));     // 40万元 streetscape
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_MONEY_BUFSIZE];
    MediateNative.mediate_money_format(buf, 123456);
    Check.equal("1234.56", new String(buf, 0, 7, java.nio.charset.StandardCharsets.UTF_8));
    Check.equal("-0.05", Money.format(-5));
    Check.equal("92233720368547758.07", Money.format(Money.MAX));
    Check.equal("-92233720368547758.07", Money.format(Money.MIN));
    Check.equal(MediateNativeConstants.MEDIATE_MONEY_MAX, Money.MAX);
    raisesCode(MediateError.EBUFSIZE, () -> MediateNative.mediate_money_format(new byte[4], 123456));
    for (String bad : new String[] {"12.345", "1,234.00", " 12", "1e3", "", "元"})
      raisesCode(MediateError.EPARSE, () -> Money.parse(bad));
    raisesCode(MediateError.ERANGE, () -> Money.parse("92233720368547758.08"));
    raisesCode(MediateError.EINVAL, () -> Money.parse(null));
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_money_parse(null, "1.00"));
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_money_parse(new long[0], "1.00"));
    raisesCode(MediateError.EUTF8, () -> Money.parse("12\0.34"));
  }

  public void testMoneyArithmetic() {
    long[] out = new long[1];
    MediateNative.mediate_money_add(out, 150000, 2550);
    Check.equal(152550, out[0]);
    raisesCode(MediateError.ERANGE, () -> Money.add(Money.MAX, 1));
    MediateNative.mediate_money_sub(out, 500000, 120050);
    Check.equal(379950, out[0]);
    raisesCode(MediateError.ERANGE, () -> Money.sub(Money.MIN, 1));
    MediateNative.mediate_money_mul(out, 35000, 12);
    Check.equal(420000, out[0]);
    raisesCode(MediateError.ERANGE, () -> Money.mul(Money.MAX / 2 + 1, 2));
    MediateNative.mediate_money_mul_ratio(out, 1005, 1, 2);
    Check.equal(503, out[0]);
    Check.equal(-503, Money.mulRatio(-1005, 1, 2));
    Check.equal(255000, Money.mulRatio(300000, 850, 1000));
    raisesCode(MediateError.EINVAL, () -> Money.mulRatio(100, 1, 0));
  }

  public void testMoneySplit() {
    long[] parts = new long[3];
    MediateNative.mediate_money_split(parts, 100, new long[] {1, 1, 1});
    Check.equal(java.util.Arrays.toString(new long[] {34, 33, 33}), java.util.Arrays.toString(parts));
    Check.equal(java.util.Arrays.toString(new long[] {50000, 30000, 20000}),
        java.util.Arrays.toString(Money.split(100000, 5, 3, 2)));
    long sum = 0;
    for (long p : Money.split(100001, 1, 1, 1, 1, 1, 1, 1))
      sum += p;
    Check.equal(100001, sum);
    raisesCode(MediateError.EINVAL, () -> Money.split(100, 0, 0));
    raisesCode(MediateError.EINVAL, () -> Money.split(100));
    raisesCode(MediateError.EINVAL, () -> Money.split(100, 1, 1L << 32));
    raisesCode(MediateError.EINVAL, () -> Money.split(100, 1, -1));
    raisesCode(MediateError.EINVAL,
        () -> MediateNative.mediate_money_split(new long[1], 100, new long[] {1, 1}));
  }

  public void testTimeParseFormat() {
    long[] out = new long[1];
    int[] offset = new int[1];
    MediateNative.mediate_time_parse(out, offset, "2026-11-03T09:30:00+08:00");
    Check.equal(T, out[0]);
    Check.equal(480, offset[0]);
    Check.equal(T, Time.parse("2026-11-03T01:30:00Z"));
    Check.equal(0, Time.parseOffset("2026-11-03T01:30:00Z"));
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_TIME_BUFSIZE];
    MediateNative.mediate_time_format(buf, T, 0);
    Check.equal("2026-11-03T01:30:00+00:00", new String(buf, 0, 25, java.nio.charset.StandardCharsets.UTF_8));
    Check.equal("2026-11-03T09:30:00+08:00", Time.format(T));
    for (String bad : new String[] {"2026-11-03", "2026-11-03T09:30:00", "2026-11-03T09:30:00.5+08:00", "明天上午"})
      raisesCode(MediateError.EPARSE, () -> Time.parse(bad));
    raisesCode(MediateError.ERANGE, () -> Time.format(T, 1440));
  }

  public void testCivil() {
    mediate_civil c = new mediate_civil();
    MediateNative.mediate_time_to_civil(c, T, Time.OFFSET_CST);
    Check.equal(2026, c.getYear());
    Check.equal(11, c.getMonth());
    Check.equal(3, c.getDay());
    Check.equal(9, c.getHour());
    Check.equal(2, c.getWeekday());
    long[] out = new long[1];
    MediateNative.mediate_time_from_civil(out, c);
    Check.equal(T, out[0]);
    c.delete();
    Civil civ = Time.toCivil(T, 480);
    Check.equal("2026-11-03T09:30:00+08:00", civ.toString());
    Check.equal(2, civ.weekday);
    Check.equal(T, Time.fromCivil(new Civil(2026, 11, 3, 9, 30, 0, 480)));
    raisesCode(MediateError.ERANGE, () -> Time.fromCivil(new Civil(2026, 2, 30, 0, 0, 0, 480)));
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_time_from_civil(new long[1], null));
    OffsetDateTime dt = OffsetDateTime.of(2026, 11, 3, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    Check.equal(dt, Time.toOffsetDateTime(T, 480));
    Check.equal(dt.toEpochSecond(), Time.fromOffsetDateTime(dt));
  }

  public void testAddDaysMonths() {
    long jan31 = Time.parse("2028-01-31T10:00:00+08:00");
    long[] out = new long[1];
    MediateNative.mediate_time_add_months(out, jan31, 1, 480);
    Check.equal("2028-02-29T10:00:00+08:00", Time.format(out[0]));
    Check.equal("2029-02-28T10:00:00+08:00", Time.format(Time.addMonths(jan31, 13, 480)));
    MediateNative.mediate_time_add_days(out, jan31, 30, 480);
    Check.equal("2028-03-01T10:00:00+08:00", Time.format(out[0]));
    Check.equal(T - 7 * 86400L, Time.addDays(T, -7, 480));
    raisesCode(MediateError.ERANGE, () -> Time.addMonths(T, 12 * 10000, 480));
  }

  public void testIds() {
    mediate_id a = new mediate_id(), b = new mediate_id(), nil = new mediate_id();
    MediateNative.mediate_id_generate(a);
    byte[] buf = new byte[MediateNativeConstants.MEDIATE_ID_BUFSIZE];
    MediateNative.mediate_id_format(buf, a);
    String text = new String(buf, 0, 36, java.nio.charset.StandardCharsets.US_ASCII);
    Check.equal(4, UUID.fromString(text).version());
    MediateNative.mediate_id_parse(b, text.toUpperCase());
    Check.equal(0, MediateNative.mediate_id_compare(a, b));
    Check.equal(0, MediateNative.mediate_id_is_nil(a));
    MediateNative.mediate_id_parse(nil, "00000000-0000-0000-0000-000000000000");
    Check.equal(1, MediateNative.mediate_id_is_nil(nil));
    Check.isTrue(MediateNative.mediate_id_compare(a, nil) > 0, "a > nil");
    a.delete();
    b.delete();
    nil.delete();
    Check.isTrue(!Ids.generate().equals(Ids.generate()), "two ids differ");
    Check.equal("6f9619ff-8b86-d011-b42d-00c04fc964ff", Ids.parse("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    Check.isTrue(Ids.compare("00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-000000000002") < 0, "compare");
    Check.isTrue(Ids.isNil("00000000-0000-0000-0000-000000000000"), "nil");
    raisesCode(MediateError.EPARSE, () -> Ids.parse("6f9619ff8b86d011b42d00c04fc964ff"));
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_id_format(new byte[37], null));
  }

  public void testUtf8() {
    MediateNative.mediate_utf8_validate("钟公庙街道金家漕社区".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    Utf8.validate("𠮷岙村".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Utf8.validate(new byte[0]);
    long[] bad = new long[1];
    raisesCode(MediateError.EUTF8, () -> MediateNative.mediate_utf8_validate(new byte[] {'a', 'b', (byte) 0xc0, (byte) 0xaf}, bad));
    Check.equal(2, bad[0]);
    Check.equal(3, Utf8.invalidOffset(new byte[] {(byte) 0xe9, (byte) 0x84, (byte) 0x9e, (byte) 0xe5, (byte) 0xb7}));
    Check.equal(0, Utf8.invalidOffset(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
    Check.equal(3, Utf8.invalidOffset(new byte[] {'a', 'b', 'c', 0, 'd'}));
    Check.equal(-1, Utf8.invalidOffset("鄞州".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    long[] out = new long[1];
    MediateNative.mediate_utf8_length(out, "鄞州区".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Check.equal(3, out[0]);
    Check.equal(12, Utf8.length("Lao Pan 老潘 𠮷"));
    raisesCode(MediateError.EUTF8, () -> Utf8.length(new byte[] {(byte) 0xff}));
  }

  public void testStringsRoundTripOutsideTheBmp() {
    // U+20BB7 crosses JNI as real UTF-8 (4 bytes), not modified UTF-8.
    MediateException e = raisesCode(MediateError.EPARSE, () -> Money.parse("𠮷"));
    Check.isTrue(e.getText().contains("𠮷"), e.getText());
  }

  public void testLoadOptions() {
    mediate_load_options o = new mediate_load_options();
    MediateNative.mediate_load_options_init(o, MediateNativeConstants.MEDIATE_LOAD_OPTIONS_VERSION);
    Check.equal(1L << 20, o.getMax_document_bytes());
    Check.equal(MediateNativeConstants.MEDIATE_DEFAULT_MAX_DOCUMENT_BYTES, o.getMax_document_bytes());
    Check.equal(MediateNativeConstants.MEDIATE_DEFAULT_MAX_DEPTH, o.getMax_depth());
    Check.equal(MediateNativeConstants.MEDIATE_DEFAULT_MAX_SCALAR_BYTES, o.getMax_scalar_bytes());
    Check.equal(MediateNativeConstants.MEDIATE_DEFAULT_MAX_NODES, o.getMax_nodes());
    Check.equal(MediateNativeConstants.MEDIATE_DEFAULT_MAX_ERRORS, o.getMax_errors());
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_load_options_init(o, 99));
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_load_options_init(null, 1));
    o.delete();
    LoadOptions lo = new LoadOptions().maxDepth(8);
    Check.equal(8, lo.getMaxDepth());
    Check.equal(100, lo.getMaxErrors());
  }

  public void testAllocatorResetAndRefusal() {
    MediateNative.mediate_allocator_set(null);
    mediate_allocator a = new mediate_allocator();
    a.setVersion(99);
    MediateException e = raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_allocator_set(a));
    Check.isTrue(e.getText().contains("version"), e.getText());
    a.setVersion(MediateNativeConstants.MEDIATE_ALLOCATOR_VERSION);
    raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_allocator_set(a));
    a.delete();
    Check.equal(100, Money.parse("1.00"));
  }

  public void testFreeAcceptsNull() {
    MediateNative.mediate_free(null);
  }

  public void testManyThreads() throws Exception {
    List<Thread> threads = new ArrayList<>();
    long[] totals = new long[4];
    for (int k = 0; k < 4; k++) {
      final int kk = k;
      Thread t = new Thread(() -> {
        long total = 0;
        for (int i = 0; i < 2000; i++)
          total = Money.add(total, Money.parse(String.format("%d.%02d", kk, i % 100)));
        totals[kk] = total;
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads)
      t.join();
    for (int k = 0; k < 4; k++) {
      long expected = 0;
      for (int i = 0; i < 2000; i++)
        expected += k * 100 + i % 100;
      Check.equal(expected, totals[k]);
    }
  }
}
