// SPDX-License-Identifier: MIT
//
// ShowPolicy: load a policy with libmediate and print its taxonomy and org
// tree.  The Java twin of examples/c/show_policy.c: it prints the same text.
//
//   javac -cp libmediate.jar ShowPolicy.java
//   java -Djava.library.path=DIR-OF-libmediate_jni.so -cp libmediate.jar:. \
//        ShowPolicy examples/data/county.yaml
//
// Every error in the file is printed the way compilers do
// (file:line:col: path: message) and the program exits 1.

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.libmediate.Category;
import org.libmediate.MediateError;
import org.libmediate.MediateException;
import org.libmediate.Policy;
import org.libmediate.Unit;

public final class ShowPolicy {
  private ShowPolicy() {}

  private static PrintStream out;

  private static String indent(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth + 1; i++)
      sb.append("  ");
    return sb.toString();
  }

  private static void printCategory(Map<Integer, List<Category>> children, Category cat) {
    String own = cat.name();
    String en = cat.name("en");
    String line = indent(cat.depth()) + cat.code() + " " + own;
    if (en != null && !en.equals(own))
      line += " (" + en + ")";
    out.println(line);
    for (Category child : children.getOrDefault(cat.index(), new ArrayList<Category>()))
      printCategory(children, child);
  }

  private static void printUnit(Map<Integer, List<Unit>> children, Unit unit) {
    out.println(indent(unit.depth()) + unit.code() + " [" + unit.kind().code() + "] " + unit.name());
    for (Unit child : children.getOrDefault(unit.index(), new ArrayList<Unit>()))
      printUnit(children, child);
  }

  public static void main(String[] args) throws UnsupportedEncodingException {
    out = new PrintStream(System.out, true, "UTF-8");
    PrintStream err = new PrintStream(System.err, true, "UTF-8");
    if (args.length != 1) {
      err.println("usage: ShowPolicy POLICY.yaml");
      System.exit(2);
    }
    Policy policy;
    try {
      policy = Policy.load(args[0]);
    } catch (MediateException e) {
      // getErrors() lists every problem of the file, not only the first.
      for (MediateError error : e.getErrors())
        err.println(error);
      System.exit(1);
      return;
    }
    try (Policy p = policy) {
      out.println(p.name() + " (version " + (p.version() != null ? p.version() : "-") + ", "
                  + p.language() + ")");

      out.println();
      out.println("taxonomy: " + p.categories().size() + " categories");
      Map<Integer, List<Category>> catChildren = new HashMap<>();
      for (Category c : p.categories())
        if (c.parent() != null)
          catChildren.computeIfAbsent(c.parent().index(), k -> new ArrayList<>()).add(c);
      for (Category c : p.categories())
        if (c.parent() == null)
          printCategory(catChildren, c);

      out.println();
      out.println("org: " + p.units().size() + " units");
      Map<Integer, List<Unit>> unitChildren = new HashMap<>();
      for (Unit u : p.units())
        if (u.parent() != null)
          unitChildren.computeIfAbsent(u.parent().index(), k -> new ArrayList<>()).add(u);
      for (Unit u : p.units())
        if (u.parent() == null)
          printUnit(unitChildren, u);

      // Look-ups by code: the police station of 钟公庙 and its town.
      Unit station = p.unit("YZ-ZGM-PS");
      if (station != null) {
        out.println();
        out.println(station.name("en") + " is a " + station.kind().code() + " in "
                    + station.parent().name("en"));
      }
    }
  }
}
