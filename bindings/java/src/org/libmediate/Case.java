/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One dispute as a people's mediation committee keeps it: parties, facts,
 * mediators, the lifecycle and its timeline, the written agreement and the
 * follow-up.  Use it in try-with-resources:
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      Case c = Case.create(p, "YZ-ZGM-PS-TJ", Time.parse("2026-11-03T21:40:00+08:00"), "u-110")) {
 *   c.addParty("p1", "applicant", "person", "张建华");
 *   c.transition("assessed", c.receivedAt() + 60, "u-pan", "YZ-ZGM-PS-TJ", null);
 *   for (Case.Party party : c.parties())
 *     System.out.println(party.name + " " + party.phoneMasked);
 *   for (Case.Event e : c.timeline())
 *     System.out.println(e.kind + " " + e.to);
 * }
 * </pre>
 *
 * <p>States, roles and the other enumerations are their YAML names
 * ("in_mediation", "third_party"...); times are seconds since the epoch
 * (UTC); money is fen.  Every failure throws {@link MediateException}; an
 * impossible transition throws it with code ESTATE and changes nothing.  The
 * case keeps its policy reachable.  A case not closed is freed when it
 * becomes unreachable.  One case, one thread at a time.
 */
public final class Case implements AutoCloseable {
  /** A party, as it was when read (a copy: personal data included). */
  public static final class Party {
    public final String id, role, kind, name, phone, phoneMasked, docType, document,
        documentMasked, address, represents;
    public final long flags;

    Party(SWIGTYPE_p_mediate_party p) {
      id = MediateNative.mediate_party_id(p);
      role = MediateNative.mediate_party_role_name(MediateNative.mediate_party_get_role(p));
      kind = MediateNative.mediate_party_kind_name(MediateNative.mediate_party_get_kind(p));
      name = MediateNative.mediate_party_name(p);
      phone = MediateNative.mediate_party_phone(p);
      phoneMasked = MediateNative.mediate_party_phone_masked(p);
      mediate_party_doc_type t = MediateNative.mediate_party_doc_type_of(p);
      docType = t == null ? null : MediateNative.mediate_party_doc_type_name(t);
      document = MediateNative.mediate_party_document(p);
      documentMasked = MediateNative.mediate_party_document_masked(p);
      address = MediateNative.mediate_party_address(p);
      represents = MediateNative.mediate_party_represents(p);
      flags = MediateNative.mediate_party_flags(p);
    }

    @Override public String toString() {
      return id + " " + role + " " + name;
    }
  }

  /** One event of the timeline (events never change). */
  public static final class Event {
    public final long time;
    public final String actor, unit, kind, from, to, details;

    Event(SWIGTYPE_p_mediate_case_event e) {
      time = MediateNative.mediate_case_event_time(e);
      actor = MediateNative.mediate_case_event_actor(e);
      unit = MediateNative.mediate_case_event_unit(e);
      kind = MediateNative.mediate_case_event_kind_name(MediateNative.mediate_case_event_get_kind(e));
      from = MediateNative.mediate_case_state_name(MediateNative.mediate_case_event_from(e));
      to = MediateNative.mediate_case_state_name(MediateNative.mediate_case_event_to(e));
      details = MediateNative.mediate_case_event_details(e);
    }

    @Override public String toString() {
      return time + " " + actor + " " + kind + " " + from + "->" + to;
    }
  }

  private final Policy policy;   // keeps the policy reachable
  private final Owned<SWIGTYPE_p_mediate_case> handle;

  private Case(Policy policy, long ptr) {
    this.policy = policy;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_case.wrap(ptr), MediateNative::mediate_case_free, "case");
  }

  /** A new case received by the org unit {@code unit} at {@code receivedAt} (+08:00 wall clock). */
  public static Case create(Policy policy, String unit, long receivedAt, String actor) {
    long[] out = new long[1];
    MediateNative.mediate_case_new(out, policy.ptr(), unit, receivedAt, 480, actor);
    return new Case(policy, out[0]);
  }

  /** A case from its YAML document (mediate-case(5)). */
  public static Case fromYaml(Policy policy, String yaml, String name) {
    long[] out = new long[1];
    MediateNative.mediate_case_from_yaml(out, policy.ptr(), yaml.getBytes(StandardCharsets.UTF_8), name, null);
    return new Case(policy, out[0]);
  }

  /** The case as YAML; mask hides personal data. */
  public String toYaml(boolean mask) {
    byte[][] out = new byte[1][];
    MediateNative.mediate_case_to_yaml(out, ptr(), mask ? MediateNative.MEDIATE_CASE_YAML_MASK : 0);
    return new String(out[0], StandardCharsets.UTF_8);
  }

  /** Every case of a YAML file of cases, each an independent Case. */
  public static List<Case> loadFile(Policy policy, String path) {
    long[] out = new long[1];
    MediateNative.mediate_case_list_load_file(out, policy.ptr(), path, null);
    SWIGTYPE_p_mediate_case_list list = SWIGTYPE_p_mediate_case_list.wrap(out[0]);
    try {
      List<Case> cases = new ArrayList<>();
      for (long i = 0; i < MediateNative.mediate_case_list_count(list); i++) {
        long[] copy = new long[1];
        MediateNative.mediate_case_clone(copy, MediateNative.mediate_case_list_at(list, i));
        cases.add(new Case(policy, copy[0]));
      }
      return cases;
    } finally {
      MediateNative.mediate_case_list_free(list);
    }
  }

  /** A deep, independent copy. */
  public Case copy() {
    long[] out = new long[1];
    MediateNative.mediate_case_clone(out, ptr());
    return new Case(policy, out[0]);
  }

  /** The policy the case belongs to. */
  public Policy policy() { return policy; }

  SWIGTYPE_p_mediate_case ptr() {
    return handle.get();
  }

  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  // ---- identity and facts ----

  public String id() { return MediateNative.mediate_case_id_text(ptr()); }
  public String number() { return MediateNative.mediate_case_number(ptr()); }
  public void assignNumber(long sequence) { MediateNative.mediate_case_assign_number(ptr(), sequence); }
  public String state() { return MediateNative.mediate_case_state_name(MediateNative.mediate_case_get_state(ptr())); }
  public long receivedAt() { return MediateNative.mediate_case_received_at(ptr()); }
  public String unit() { return MediateNative.mediate_unit_code(MediateNative.mediate_case_unit(ptr())); }

  public void setSource(String source, String reference) {
    int[] v = new int[1];
    MediateNative.mediate_case_source_parse(v, source);
    MediateNative.mediate_case_set_source(ptr(), mediate_case_source.swigToEnum(v[0]), reference);
  }

  public void setCategory(String code) { MediateNative.mediate_case_set_category(ptr(), code); }

  public String category() {
    SWIGTYPE_p_mediate_category c = MediateNative.mediate_case_category(ptr());
    return c == null ? null : MediateNative.mediate_category_code(c);
  }

  public void setDescription(String text) { MediateNative.mediate_case_set_description(ptr(), text); }
  public String description() { return MediateNative.mediate_case_description(ptr()); }
  public void setAmount(long fen) { MediateNative.mediate_case_set_amount(ptr(), fen); }
  public long amount() { return MediateNative.mediate_case_amount(ptr()); }

  // ---- parties ----

  /** Adds a party; role and kind are names ("applicant", "person"). */
  public void addParty(String id, String role, String kind, String name) {
    int[] r = new int[1], k = new int[1];
    MediateNative.mediate_party_role_parse(r, role);
    MediateNative.mediate_party_kind_parse(k, kind);
    MediateNative.mediate_case_add_party(ptr(), id, mediate_party_role.swigToEnum(r[0]),
        mediate_party_kind.swigToEnum(k[0]), name);
  }

  public void setPartyPhone(String id, String phone) { MediateNative.mediate_case_party_set_phone(ptr(), id, phone); }

  /** Sets a party's document; type is a name ("resident_id", "passport"...). */
  public void setPartyDocument(String id, String type, String number) {
    int[] t = new int[1];
    MediateNative.mediate_party_doc_type_parse(t, type);
    MediateNative.mediate_case_party_set_document(ptr(), id, mediate_party_doc_type.swigToEnum(t[0]), number);
  }

  /** The parties, in the order they were added (copies). */
  public List<Party> parties() {
    SWIGTYPE_p_mediate_case c = ptr();
    List<Party> out = new ArrayList<>();
    for (long i = 0; i < MediateNative.mediate_case_party_count(c); i++)
      out.add(new Party(MediateNative.mediate_case_party_at(c, i)));
    return Collections.unmodifiableList(out);
  }

  // ---- lifecycle ----

  public void addMediator(String id, String name, String role, long at, String actor, String actorUnit) {
    int[] r = new int[1];
    MediateNative.mediate_case_mediator_role_parse(r, role);
    MediateNative.mediate_case_add_mediator(ptr(), id, name, mediate_case_mediator_role.swigToEnum(r[0]),
        at, actor, actorUnit);
  }

  public void setMode(String mode) {
    int[] m = new int[1];
    MediateNative.mediate_case_mode_parse(m, mode);
    MediateNative.mediate_case_set_mode(ptr(), mediate_case_mode.swigToEnum(m[0]));
  }

  /** Moves the case to the state named {@code to}. */
  public void transition(String to, long at, String actor, String actorUnit, String details) {
    int[] s = new int[1];
    MediateNative.mediate_case_state_parse(s, to);
    MediateNative.mediate_case_transition(ptr(), mediate_case_state.swigToEnum(s[0]), at, actor, actorUnit,
        details);
  }

  /** "written" or "oral". */
  public void reachAgreement(String form, long at, String actor, String actorUnit, String details) {
    int[] f = new int[1];
    MediateNative.mediate_agreement_form_parse(f, form);
    MediateNative.mediate_case_reach_agreement(ptr(), mediate_agreement_form.swigToEnum(f[0]), at, actor,
        actorUnit, details);
  }

  public void addNote(long at, String actor, String actorUnit, String text) {
    MediateNative.mediate_case_add_note(ptr(), at, actor, actorUnit, text);
  }

  public String outcome() {
    return MediateNative.mediate_case_outcome_name(MediateNative.mediate_case_get_outcome(ptr()));
  }

  /** The mediation due time, or null before acceptance. */
  public Long mediationDue() {
    long[] out = new long[1];
    try {
      MediateNative.mediate_case_mediation_due(out, ptr());
    } catch (MediateException e) {
      if (e.getCode() == MediateError.ENOTFOUND)
        return null;
      throw e;
    }
    return out[0];
  }

  /** The timeline, oldest first (events never change). */
  public List<Event> timeline() {
    SWIGTYPE_p_mediate_case c = ptr();
    List<Event> out = new ArrayList<>();
    for (long i = 0; i < MediateNative.mediate_case_event_count(c); i++)
      out.add(new Event(MediateNative.mediate_case_event_at(c, i)));
    return Collections.unmodifiableList(out);
  }

  /** True when the transition table allows from -> to (state names). */
  public static boolean transitionAllowed(String from, String to) {
    int[] f = new int[1], t = new int[1];
    MediateNative.mediate_case_state_parse(f, from);
    MediateNative.mediate_case_state_parse(t, to);
    return MediateNative.mediate_case_transition_allowed(mediate_case_state.swigToEnum(f[0]),
        mediate_case_state.swigToEnum(t[0])) != 0;
  }

  @Override public String toString() {
    return isClosed() ? "Case(closed)" : "Case(" + (number() != null ? number() : id()) + " " + state() + ")";
  }
}
