/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mediator of a {@link Roster}: a live view (reads see every change; it
 * keeps the roster reachable).  Getters read the roster; setters change it
 * through the library, which validates them fully (a failure throws
 * {@link MediateException} and changes nothing).  Once the mediator is
 * removed from the roster, every call throws it with code ENOTFOUND.
 */
public final class Mediator {
  /** A leave period [from, until) in seconds since the epoch (UTC). */
  public static final class Leave {
    public final long from, until;
    /** The reason, or null. */
    public final String reason;

    Leave(long from, long until, String reason) {
      this.from = from;
      this.until = until;
      this.reason = reason;
    }

    @Override public String toString() {
      return from + ".." + until + (reason != null ? " " + reason : "");
    }
  }

  /** A declared recusal: a party id or a name (one may be null) and the relationship. */
  public static final class Recusal {
    public final String partyId, name, relationship;

    Recusal(String partyId, String name, String relationship) {
      this.partyId = partyId;
      this.name = name;
      this.relationship = relationship;
    }

    @Override public String toString() {
      return (partyId != null ? partyId : "") + " " + (name != null ? name : "")
          + (relationship != null ? " (" + relationship + ")" : "");
    }
  }

  private final Roster roster;   // keeps the roster reachable
  private final String id;
  private SWIGTYPE_p_mediate_mediator ptr;
  private int generation;

  Mediator(Roster roster, SWIGTYPE_p_mediate_mediator ptr) {
    this.roster = roster;
    this.ptr = ptr;
    this.id = MediateNative.mediate_mediator_id(ptr);
    this.generation = roster.generation;
  }

  /** The mediator's pointer, looked up again after a removal from the roster. */
  SWIGTYPE_p_mediate_mediator ptr() {
    SWIGTYPE_p_mediate_roster r = roster.ptr();   // throws once the roster is closed
    if (generation != roster.generation) {
      SWIGTYPE_p_mediate_mediator p = MediateNative.mediate_roster_find(r, id);
      if (p == null)
        throw new MediateException(new MediateError(MediateError.ENOTFOUND, "", 0, 0, "",
            "mediator " + id + " was removed from the roster"));
      ptr = p;
      generation = roster.generation;
    }
    return ptr;
  }

  private SWIGTYPE_p_mediate_roster r() {
    ptr();
    return roster.ptr();
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** The roster this mediator belongs to. */
  public Roster roster() { return roster; }

  // ---- identity ----

  public String id() { return MediateNative.mediate_mediator_id(ptr()); }
  public String staffNumber() { return MediateNative.mediate_mediator_staff_number(ptr()); }
  public String name() { return MediateNative.mediate_mediator_name(ptr()); }
  public void setName(String name) { MediateNative.mediate_roster_set_name(r(), id, name); }

  /** The mediator's unit (station studio, centre). */
  public Unit unit() { return new Unit(roster.policy(), MediateNative.mediate_mediator_unit(ptr())); }
  public void setUnit(String code) { MediateNative.mediate_roster_set_unit(r(), id, code); }

  /** "full_time", "part_time", "retired_volunteer" or "invited_expert". */
  public String post() {
    return MediateNative.mediate_post_type_name(MediateNative.mediate_mediator_post(ptr()));
  }

  public void setPost(String post) { MediateNative.mediate_roster_set_post(r(), id, Roster.post(post)); }

  public int level() { return (int) MediateNative.mediate_mediator_level(ptr()); }
  public void setLevel(int level) { MediateNative.mediate_roster_set_level(r(), id, level); }

  /** The phone, unmasked (personal data), or null. */
  public String phone() { return MediateNative.mediate_mediator_phone(ptr()); }
  /** Digits with an optional leading '+', 5..20 characters; null clears it. */
  public void setPhone(String phone) { MediateNative.mediate_roster_set_phone(r(), id, phone); }

  // ---- specialties ----

  /** Category code to proficiency (1..5), in the policy's category order. */
  public Map<String, Integer> specialties() {
    SWIGTYPE_p_mediate_mediator p = ptr();
    Map<String, Integer> all = new LinkedHashMap<>();
    long n = MediateNative.mediate_mediator_specialty_count(p);
    for (long i = 0; i < n; i++)
      all.put(MediateNative.mediate_category_code(MediateNative.mediate_mediator_specialty_at(p, i)),
          (int) MediateNative.mediate_mediator_proficiency_at(p, i));
    return Collections.unmodifiableMap(all);
  }

  /** Proficiency in exactly this category (0 when it is not a specialty or not a category). */
  public int proficiency(String categoryCode) {
    SWIGTYPE_p_mediate_category c = MediateNative.mediate_policy_category_find(roster.policy().ptr(), categoryCode);
    return c == null ? 0 : (int) MediateNative.mediate_mediator_proficiency(ptr(), c);
  }

  /** Sets a specialty (proficiency 1..5), or removes it (0). */
  public void setSpecialty(String categoryCode, int proficiency) {
    MediateNative.mediate_roster_set_specialty(r(), id, categoryCode, proficiency);
  }

  // ---- think tank, external body, languages, modes ----

  public boolean thinkTank() { return MediateNative.mediate_mediator_think_tank(ptr()) != 0; }
  public void setThinkTank(boolean member) { MediateNative.mediate_roster_set_think_tank(r(), id, member ? 1 : 0); }

  /** The outside body (court, bar, association), or null. */
  public Unit externalBody() {
    SWIGTYPE_p_mediate_unit u = MediateNative.mediate_mediator_external_body(ptr());
    return u == null ? null : new Unit(roster.policy(), u);
  }

  public void setExternalBody(String code) { MediateNative.mediate_roster_set_external_body(r(), id, code); }

  /** Language tags ("zh", "wuu"...), in the order added. */
  public List<String> languages() {
    SWIGTYPE_p_mediate_mediator p = ptr();
    List<String> all = new ArrayList<>();
    long n = MediateNative.mediate_mediator_language_count(p);
    for (long i = 0; i < n; i++)
      all.add(MediateNative.mediate_mediator_language_at(p, i));
    return Collections.unmodifiableList(all);
  }

  public boolean speaks(String tag) { return MediateNative.mediate_mediator_speaks(ptr(), tag) != 0; }
  public void addLanguage(String tag) { MediateNative.mediate_roster_add_language(r(), id, tag); }
  public void removeLanguage(String tag) { MediateNative.mediate_roster_remove_language(r(), id, tag); }

  private static mediate_case_mode mode(String name) {
    int[] v = new int[1];
    MediateNative.mediate_case_mode_parse(v, name);
    return mediate_case_mode.swigToEnum(v[0]);
  }

  /** The modes offered, by name, in the order of the mode values. */
  public List<String> modes() {
    long bits = MediateNative.mediate_mediator_modes(ptr());
    List<String> all = new ArrayList<>();
    for (int v = 1; v < 31; v++) {
      if ((bits & (1L << v)) != 0)
        all.add(MediateNative.mediate_case_mode_name(mediate_case_mode.swigToEnum(v)));
    }
    return Collections.unmodifiableList(all);
  }

  /** Sets the modes offered (at least one). */
  public void setModes(String... names) {
    long bits = 0;
    for (String n : names)
      bits |= 1L << mode(n).swigValue();
    MediateNative.mediate_roster_set_modes(r(), id, bits);
  }

  public boolean offers(String mode) { return MediateNative.mediate_mediator_offers(ptr(), mode(mode)) != 0; }

  // ---- place, capacity, duty ----

  /** {lat, lon} in micro-degrees, or null when the mediator has none. */
  public int[] coordinates() {
    int[] lat = new int[1], lon = new int[1];
    try {
      MediateNative.mediate_mediator_coordinates(lat, lon, ptr());
    } catch (MediateException e) {
      if (e.getCode() == MediateError.ENOTFOUND)
        return null;
      throw e;
    }
    return new int[] { lat[0], lon[0] };
  }

  public void setCoordinates(int latMicro, int lonMicro) {
    MediateNative.mediate_roster_set_coordinates(r(), id, latMicro, lonMicro);
  }

  public void clearCoordinates() { MediateNative.mediate_roster_clear_coordinates(r(), id); }

  public int capacity() { return (int) MediateNative.mediate_mediator_capacity(ptr()); }
  public void setCapacity(int capacity) { MediateNative.mediate_roster_set_capacity(r(), id, capacity); }
  public int load() { return (int) MediateNative.mediate_mediator_load(ptr()); }
  public void setLoad(int load) { MediateNative.mediate_roster_set_load(r(), id, load); }
  /** capacity - load, 0 when full. */
  public int freeCapacity() { return (int) MediateNative.mediate_mediator_free_capacity(ptr()); }

  /** "on" or "off" outside leave periods. */
  public String duty() { return MediateNative.mediate_duty_name(MediateNative.mediate_mediator_duty(ptr())); }

  public void setDuty(String duty) {
    int[] v = new int[1];
    MediateNative.mediate_duty_parse(v, duty);
    MediateNative.mediate_roster_set_duty(r(), id, mediate_duty.swigToEnum(v[0]));
  }

  /** "leave" inside a leave period, else the duty. */
  public String dutyAt(long at) {
    return MediateNative.mediate_duty_name(MediateNative.mediate_mediator_duty_at(ptr(), at));
  }

  /** The leave periods, by start. */
  public List<Leave> leave() {
    SWIGTYPE_p_mediate_mediator p = ptr();
    List<Leave> all = new ArrayList<>();
    long n = MediateNative.mediate_mediator_leave_count(p);
    for (long i = 0; i < n; i++) {
      long[] from = new long[1], until = new long[1];
      byte[][] reason = new byte[1][];
      MediateNative.mediate_mediator_leave_at(from, until, reason, p, i);
      all.add(new Leave(from[0], until[0], text(reason[0])));
    }
    return Collections.unmodifiableList(all);
  }

  /** Adds the leave period [from, until); periods may not overlap (EEXISTS). */
  public void addLeave(long from, long until, String reason) {
    MediateNative.mediate_roster_add_leave(r(), id, from, until, reason);
  }

  /** Removes the leave period that starts at from. */
  public void removeLeave(long from) { MediateNative.mediate_roster_remove_leave(r(), id, from); }

  // ---- recusals ----

  public List<Recusal> recusals() {
    SWIGTYPE_p_mediate_mediator p = ptr();
    List<Recusal> all = new ArrayList<>();
    long n = MediateNative.mediate_mediator_recusal_count(p);
    for (long i = 0; i < n; i++) {
      byte[][] pid = new byte[1][], name = new byte[1][], rel = new byte[1][];
      MediateNative.mediate_mediator_recusal_at(pid, name, rel, p, i);
      all.add(new Recusal(text(pid[0]), text(name[0]), text(rel[0])));
    }
    return Collections.unmodifiableList(all);
  }

  /** Declares a recusal from cases with a party of this id or name (one may be null). */
  public void addRecusal(String partyId, String name, String relationship) {
    MediateNative.mediate_roster_add_recusal(r(), id, partyId, name, relationship);
  }

  public void removeRecusal(int index) { MediateNative.mediate_roster_remove_recusal(r(), id, index); }

  /** The index of the first recusal naming a party of the case, or null when there is none. */
  public Integer recuses(Case c) {
    long[] index = new long[1];
    int hit = MediateNative.mediate_mediator_recuses(ptr(), c.ptr(), index);
    return hit != 0 ? Integer.valueOf((int) index[0]) : null;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Mediator && ((Mediator) o).roster == roster && ((Mediator) o).id.equals(id);
  }

  @Override public int hashCode() { return id.hashCode(); }

  @Override public String toString() {
    return staffNumber() + " " + name();
  }
}
