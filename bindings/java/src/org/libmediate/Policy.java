/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * A loaded, validated and immutable policy: the dispute taxonomy, the org
 * tree and every module's rules.  Use it in try-with-resources:
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml")) {
 *   for (Category c : p.categories())
 *     System.out.println(c.code() + " " + c.name("zh"));
 * }
 * </pre>
 *
 * <p>A failed load throws the {@link MediateException} of its first problem,
 * with {@link MediateException#getErrors()} listing every problem found;
 * {@link #check(String)} returns that list instead.  Categories and units
 * are borrowed: they keep this object reachable, and using them after
 * {@link #close()} throws MediateException (ESTATE).  A policy may be read by
 * several threads; do not close it while another thread uses it.  A policy
 * that is never closed is freed when it becomes unreachable.
 */
public final class Policy implements AutoCloseable {
  /** Frees the native policy once, from close() or from the cleaner. */
  private final Owned<SWIGTYPE_p_mediate_policy> handle;
  private final List<Category> categories;
  private final List<Unit> units;

  private Policy(long ptr) {
    handle = new Owned<>(this, SWIGTYPE_p_mediate_policy.wrap(ptr), MediateNative::mediate_policy_free, "policy");
    categories = new Nodes<>(true);
    units = new Nodes<>(false);
  }

  /** Runs a load collecting every error; throws with all of them. */
  private static Policy load(LoadOptions.Loader loader, LoadOptions options) {
    return new Policy(LoadOptions.run(loader, options));
  }

  /** Loads and validates the policy file at path with the default limits. */
  public static Policy load(String path) {
    return load(path, null);
  }

  /** Loads and validates the policy file at path. */
  public static Policy load(String path, LoadOptions options) {
    return load((out, opts) -> MediateNative.mediate_policy_load_file(out, path, opts), options);
  }

  /** Loads and validates the policy file at path. */
  public static Policy load(java.nio.file.Path path, LoadOptions options) {
    return load(path.toString(), options);
  }

  /** Loads a policy from YAML bytes; name (may be null) is used in errors. */
  public static Policy load(byte[] yaml, String name, LoadOptions options) {
    return load((out, opts) -> MediateNative.mediate_policy_load_buffer(out, yaml, name, opts),
        options);
  }

  /** Loads a policy from YAML text; name (may be null) is used in errors. */
  public static Policy loadString(String yaml, String name) {
    return load(yaml.getBytes(StandardCharsets.UTF_8), name, null);
  }

  /** Every error of the policy file at path (empty when it is valid). */
  public static List<MediateError> check(String path) {
    return check(path, null);
  }

  public static List<MediateError> check(String path, LoadOptions options) {
    try (Policy p = load(path, options)) {
      return Collections.emptyList();
    } catch (MediateException e) {
      return e.getErrors();
    }
  }

  SWIGTYPE_p_mediate_policy ptr() {
    return handle.get();
  }

  /** Frees the policy; safe to call twice. */
  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  /** policy.name */
  public String name() {
    return MediateNative.mediate_policy_name(ptr());
  }

  /** policy.version, or null. */
  public String version() {
    return MediateNative.mediate_policy_version(ptr());
  }

  /** The default language of names ("zh"). */
  public String language() {
    return MediateNative.mediate_policy_language(ptr());
  }

  /** The taxonomy in document order (read-only). */
  public List<Category> categories() {
    return categories;
  }

  /** The org units in document order (read-only). */
  public List<Unit> units() {
    return units;
  }

  /** The category with this code, or null. */
  public Category category(String code) {
    SWIGTYPE_p_mediate_category c = MediateNative.mediate_policy_category_find(ptr(), code);
    return c == null ? null : new Category(this, c);
  }

  /** The unit with this code, or null. */
  public Unit unit(String code) {
    SWIGTYPE_p_mediate_unit u = MediateNative.mediate_policy_unit_find(ptr(), code);
    return u == null ? null : new Unit(this, u);
  }

  @Override public String toString() {
    if (isClosed())
      return "Policy(closed)";
    return "Policy(" + name() + " " + version() + ": " + categories.size() + " categories, "
        + units.size() + " units)";
  }

  /** A live read-only view of the categories or units. */
  private final class Nodes<T> extends AbstractList<T> implements RandomAccess {
    private final boolean cats;

    Nodes(boolean cats) {
      this.cats = cats;
    }

    @Override public int size() {
      long n = cats ? MediateNative.mediate_policy_category_count(ptr())
                    : MediateNative.mediate_policy_unit_count(ptr());
      return (int) n;
    }

    @SuppressWarnings("unchecked")
    @Override public T get(int i) {
      if (i < 0 || i >= size())
        throw new IndexOutOfBoundsException("index " + i + ", size " + size());
      if (cats)
        return (T) new Category(Policy.this, MediateNative.mediate_policy_category_at(ptr(), i));
      return (T) new Unit(Policy.this, MediateNative.mediate_policy_unit_at(ptr(), i));
    }
  }
}
