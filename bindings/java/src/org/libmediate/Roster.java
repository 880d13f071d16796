/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The roster of mediators, read against a policy whose org units and
 * dispute categories it refers to (mediate-roster(5)).  Use it in
 * try-with-resources:
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      Roster roster = Roster.load(p, "roster.yaml")) {
 *   Mediator pan = roster.findStaff("M-0001");
 *   System.out.println(pan.name() + " " + pan.unit().code() + " " + pan.specialties());
 *   for (Roster.MenuEntry e : roster.menu("neighbour", "YZ-ZGM", null,
 *           Time.parse("2026-11-23T09:00:00+08:00"), 0, 10, null))
 *     System.out.println(e.score + " " + e.mediator.name() + " " + e.phone);
 * }
 * </pre>
 *
 * <p>{@link Mediator} objects are live views of a mediator of this roster
 * (they keep it reachable).  Enumerations are their YAML names
 * ("full_time", "on", "remote_video"); times are seconds since the epoch
 * (UTC).  Every failure throws {@link MediateException} and changes
 * nothing.  A roster not closed is freed when it becomes unreachable.  One
 * roster, one thread at a time.
 */
public final class Roster implements AutoCloseable {
  /** One line of the published menu. */
  public static final class MenuEntry {
    /** The mediator (a live view). */
    public final Mediator mediator;
    /** The published score: Bayesian average x 1000, or best proficiency x 1000. */
    public final int score;
    /** The phone as published: masked unless the policy publishes phones; may be null. */
    public final String phone;

    MenuEntry(Mediator mediator, int score, String phone) {
      this.mediator = mediator;
      this.score = score;
      this.phone = phone;
    }

    @Override public String toString() {
      return score + " " + mediator.staffNumber() + " " + mediator.name();
    }
  }

  /** A page of the published menu; {@link #total} counts every page. */
  public static final class Menu extends AbstractList<MenuEntry> {
    private final List<MenuEntry> entries;
    /** Mediators matching the filters over all pages. */
    public final long total;

    Menu(List<MenuEntry> entries, long total) {
      this.entries = entries;
      this.total = total;
    }

    @Override public MenuEntry get(int i) { return entries.get(i); }
    @Override public int size() { return entries.size(); }
  }

  private final Policy policy;   // keeps the policy reachable
  private final Owned<SWIGTYPE_p_mediate_roster> handle;
  int generation;                // counts removals: Mediator views look themselves up again

  private Roster(Policy policy, long ptr) {
    this.policy = policy;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_roster.wrap(ptr), MediateNative::mediate_roster_free, "roster");
  }

  /** An empty roster of the policy. */
  public static Roster create(Policy policy) {
    long[] out = new long[1];
    MediateNative.mediate_roster_new(out, policy.ptr());
    return new Roster(policy, out[0]);
  }

  /** Runs a load collecting every error; throws with all of them. */
  private static Roster load(Policy policy, LoadOptions.Loader loader, LoadOptions options) {
    return new Roster(policy, LoadOptions.run(loader, options));
  }

  /** Loads a roster file; a failure throws the first error with every one in getErrors(). */
  public static Roster load(Policy policy, String path) {
    return load(policy, path, null);
  }

  public static Roster load(Policy policy, String path, LoadOptions options) {
    return load(policy, (out, opts) -> MediateNative.mediate_roster_load_file(out, policy.ptr(), path, opts),
        options);
  }

  /** Loads a roster from YAML text; name (may be null) is used in errors. */
  public static Roster loadString(Policy policy, String yaml, String name) {
    byte[] data = yaml.getBytes(StandardCharsets.UTF_8);
    return load(policy, (out, opts) -> MediateNative.mediate_roster_load_buffer(out, policy.ptr(), data, name,
        opts), null);
  }

  /** The roster as a mediate-roster(5) document that loads back equal. */
  public String toYaml() {
    byte[][] out = new byte[1][];
    MediateNative.mediate_roster_to_yaml(out, ptr());
    return new String(out[0], StandardCharsets.UTF_8);
  }

  /** The policy the roster belongs to. */
  public Policy policy() { return policy; }

  SWIGTYPE_p_mediate_roster ptr() {
    return handle.get();
  }

  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  // ---- mediators ----

  /** The number of mediators. */
  public int size() {
    return (int) MediateNative.mediate_roster_count(ptr());
  }

  /** The mediator at index (roster order: a removal moves the last one into the gap). */
  public Mediator get(int index) {
    SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_roster_at(ptr(), index);
    if (m == null)
      throw new IndexOutOfBoundsException("mediator " + index + " of " + size());
    return new Mediator(this, m);
  }

  /** Every mediator, in roster order (a snapshot list of live views). */
  public List<Mediator> mediators() {
    int n = size();
    List<Mediator> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++)
      all.add(get(i));
    return Collections.unmodifiableList(all);
  }

  /** The mediator with this id, or null. */
  public Mediator find(String id) {
    SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_roster_find(ptr(), id);
    return m == null ? null : new Mediator(this, m);
  }

  /** The mediator with this staff number, or null. */
  public Mediator findStaff(String staffNumber) {
    SWIGTYPE_p_mediate_mediator m = MediateNative.mediate_roster_find_staff(ptr(), staffNumber);
    return m == null ? null : new Mediator(this, m);
  }

  static mediate_post_type post(String name) {
    int[] v = new int[1];
    MediateNative.mediate_post_type_parse(v, name);
    return mediate_post_type.swigToEnum(v[0]);
  }

  /** Adds a mediator with a generated id (on duty, on the spot, capacity 1). */
  public Mediator add(String staffNumber, String name, String unit, String post, int level) {
    return add(null, staffNumber, name, unit, post, level);
  }

  /** Adds a mediator with this id (null: a generated UUID). */
  public Mediator add(String id, String staffNumber, String name, String unit, String post, int level) {
    long[] out = new long[1];
    MediateNative.mediate_roster_add(out, ptr(), id, staffNumber, name, unit, post(post), level);
    return new Mediator(this, SWIGTYPE_p_mediate_mediator.wrap(out[0]));
  }

  /** Removes the mediator with this id. */
  public void remove(String id) {
    MediateNative.mediate_roster_remove(ptr(), id);
    generation++;
  }

  public void remove(Mediator m) {
    remove(m.id());
  }

  /**
   * A page (from 0) of the published menu: the mediators on duty at {@code at}
   * with a specialty within {@code category}, a unit within {@code unit},
   * offering {@code mode} (null: any of each), best score first, ties by
   * staff number.  With ratings (may be null) the score is the Bayesian
   * average of the ratings, else the best proficiency x 1000.
   */
  public Menu menu(String category, String unit, String mode, long at, long page, long pageSize,
                   Ratings ratings) {
    long[] out = new long[1];
    mediate_case_mode m = null;
    if (mode != null) {
      int[] v = new int[1];
      MediateNative.mediate_case_mode_parse(v, mode);
      m = mediate_case_mode.swigToEnum(v[0]);
    }
    MediateNative.mediate_roster_menu(out, ptr(), ratings != null ? ratings.ptr() : null, category, unit, m, at,
        page, pageSize);
    SWIGTYPE_p_mediate_menu menu = SWIGTYPE_p_mediate_menu.wrap(out[0]);
    try {
      long n = MediateNative.mediate_menu_count(menu);
      List<MenuEntry> entries = new ArrayList<>();
      for (long i = 0; i < n; i++)
        entries.add(new MenuEntry(new Mediator(this, MediateNative.mediate_menu_mediator_at(menu, i)),
            MediateNative.mediate_menu_score(menu, i), MediateNative.mediate_menu_phone(menu, i)));
      return new Menu(Collections.unmodifiableList(entries), MediateNative.mediate_menu_total(menu));
    } finally {
      MediateNative.mediate_menu_free(menu);
    }
  }

  @Override public String toString() {
    return isClosed() ? "Roster (closed)" : "Roster of " + size() + " mediators";
  }
}
