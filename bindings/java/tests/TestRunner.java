/* SPDX-License-Identifier: MIT */
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A tiny self-contained test runner (no external jars).
 *
 * <p>java TestRunner [-v] CLASSDIR [ClassName...]: runs every public
 * no-argument method whose name starts with "test" of every class *Test
 * found in CLASSDIR (or only the classes named), each on a new instance.
 * Prints a line per failed test (per test with -v), then "N passed, N
 * failed"; exits 1 on any failure or when no test ran.
 */
public final class TestRunner {
  private TestRunner() {}

  public static void main(String[] args) throws Exception {
    boolean verbose = args.length > 0 && args[0].equals("-v");
    if (verbose)
      args = Arrays.copyOfRange(args, 1, args.length);
    if (args.length < 1) {
      System.err.println("usage: TestRunner [-v] CLASSDIR [TestClass...]");
      System.exit(2);
    }
    List<String> names = new ArrayList<>();
    if (args.length > 1) {
      names.addAll(Arrays.asList(args).subList(1, args.length));
    } else {
      File[] files = new File(args[0]).listFiles();
      if (files != null)
        for (File f : files) {
          String n = f.getName();
          if (n.endsWith("Test.class") && n.indexOf('$') < 0)
            names.add(n.substring(0, n.length() - ".class".length()));
        }
    }
    names.sort(null);
    int passed = 0, failed = 0;
    for (String name : names) {
      Class<?> cls = Class.forName(name);
      Method[] methods = cls.getMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method m : methods) {
        if (!m.getName().startsWith("test") || m.getParameterCount() != 0
            || Modifier.isStatic(m.getModifiers()))
          continue;
        String id = cls.getName() + "." + m.getName();
        try {
          m.invoke(cls.getDeclaredConstructor().newInstance());
          if (verbose)
            System.out.println("PASS " + id);
          passed++;
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          System.out.println("FAIL " + id + ": " + t);
          for (StackTraceElement el : t.getStackTrace()) {
            if (el.getClassName().equals(cls.getName())) {
              System.out.println("     at " + el);
              break;
            }
          }
          failed++;
        }
      }
    }
    System.out.println(passed + " passed, " + failed + " failed");
    System.exit(failed > 0 || passed == 0 ? 1 : 0);
  }
}
