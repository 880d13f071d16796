/* SPDX-License-Identifier: MIT */
import java.util.Objects;

/** Assertions for the Java binding tests. */
public final class Check {
  private Check() {}

  /** Code that may throw anything. */
  public interface Body {
    void run() throws Exception;
  }

  public static void equal(Object expected, Object actual) {
    if (!Objects.equals(expected, actual))
      throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
  }

  public static void equal(long expected, long actual) {
    if (expected != actual)
      throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
  }

  public static void isTrue(boolean cond, String what) {
    if (!cond)
      throw new AssertionError("not true: " + what);
  }

  public static void isNull(Object o) {
    if (o != null)
      throw new AssertionError("expected null but was <" + o + ">");
  }

  /** Runs body, which must throw a cls; returns what it threw. */
  public static <T extends Throwable> T raises(Class<T> cls, Body body) {
    try {
      body.run();
    } catch (Throwable t) {
      if (cls.isInstance(t))
        return cls.cast(t);
      throw new AssertionError("expected " + cls.getSimpleName() + " but got " + t, t);
    }
    throw new AssertionError("expected " + cls.getSimpleName() + " but nothing was thrown");
  }
}
