/* SPDX-License-Identifier: MIT */
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.libmediate.*;

/**
 * The roster through Java: the idiomatic Roster and Mediator classes and
 * every C function of the roster module through MediateNative.
 */
public class RosterTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String EXAMPLES = System.getenv("MEDIATE_EXAMPLES_DATA") != null
      ? System.getenv("MEDIATE_EXAMPLES_DATA") : "examples/data";
  /* The roster names units of the sample county (the 老潘 studio, the think tank). */
  static final String COUNTY = EXAMPLES + "/county.yaml";
  static final String ROSTER = DATA + "/roster.yaml";
  static final String STUDIO = "YZ-ZGM-PS-TJ";
  static final long AT = Time.parse("2026-11-23T09:00:00+08:00");
  static final long NOV20 = Time.parse("2026-11-20T00:00:00+08:00");
  static final long NOV27 = Time.parse("2026-11-27T00:00:00+08:00");

  public void testNames() {
    Check.equal("invited_expert", MediateNative.mediate_post_type_name(mediate_post_type.MEDIATE_POST_INVITED_EXPERT));
    Check.equal("leave", MediateNative.mediate_duty_name(mediate_duty.MEDIATE_DUTY_LEAVE));
    int[] v = new int[1];
    MediateNative.mediate_post_type_parse(v, "retired_volunteer");
    Check.equal(3, v[0]);
    MediateNative.mediate_duty_parse(v, "off");
    Check.equal(2, v[0]);
    CoreTest.raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_post_type_parse(v, "volunteer"));
    CoreTest.raisesCode(MediateError.EINVAL, () -> MediateNative.mediate_duty_parse(v, "away"));
  }

  public void testLoadAndRead() {
    // covers: mediate_roster_load_file mediate_roster_count mediate_roster_at mediate_roster_find
    // covers: mediate_roster_find_staff mediate_roster_policy
    try (Policy p = Policy.load(COUNTY); Roster r = Roster.load(p, ROSTER)) {
      Check.equal(6, r.size());
      Check.isTrue(r.policy() == p, "the roster's policy");
      Mediator pan = r.findStaff("M-0001");
      Check.equal(pan, r.find(pan.id()));
      Check.equal(pan, r.get(0));
      Check.isNull(r.find("nobody"));
      // covers: mediate_mediator_id mediate_mediator_staff_number mediate_mediator_name mediate_mediator_unit
      // covers: mediate_mediator_post mediate_mediator_level mediate_mediator_phone
      Check.equal("c290a79b-d0b8-53ac-96b8-b35ee200f451", pan.id());
      Check.equal("M-0001", pan.staffNumber());
      Check.equal("潘志明", pan.name());
      Check.equal("YZ-LP", pan.unit().code());
      Check.equal("老潘警调工作室", pan.unit().name());
      Check.equal("full_time", pan.post());
      Check.equal(8, pan.level());
      Check.equal("13541646092", pan.phone());
      // covers: mediate_mediator_specialty_count mediate_mediator_specialty_at mediate_mediator_proficiency_at
      // covers: mediate_mediator_proficiency
      Map<String, Integer> spec = pan.specialties();
      Check.equal(Arrays.asList("family", "neighbour", "traffic"), List.copyOf(spec.keySet()));
      Check.equal(4, (int) spec.get("traffic"));
      Check.equal(5, pan.proficiency("neighbour"));
      Check.equal(0, pan.proficiency("neighbour.noise"));
      // covers: mediate_mediator_think_tank mediate_mediator_external_body mediate_mediator_language_count
      // covers: mediate_mediator_language_at mediate_mediator_speaks mediate_mediator_modes mediate_mediator_offers
      Check.isTrue(!pan.thinkTank(), "not in the think tank");
      Check.isNull(pan.externalBody());
      Check.equal(Arrays.asList("zh", "wuu"), pan.languages());
      Check.isTrue(pan.speaks("WUU"), "speaks wuu");
      Check.equal(Arrays.asList("on_the_spot", "joint", "remote_video", "mobile"), pan.modes());
      Check.isTrue(pan.offers("mobile"), "offers mobile");
      Check.isTrue(!pan.offers("think_tank"), "no think tank mode");
      // covers: mediate_mediator_coordinates mediate_mediator_capacity mediate_mediator_load
      // covers: mediate_mediator_free_capacity mediate_mediator_duty
      Check.equal(29827133, pan.coordinates()[0]);
      Check.equal(121537073, pan.coordinates()[1]);
      Check.equal(12, pan.capacity());
      Check.equal(7, pan.load());
      Check.equal(5, pan.freeCapacity());
      Check.equal("on", pan.duty());
      Mediator judge = r.findStaff("M-0003");
      Check.isTrue(judge.thinkTank(), "think tank");
      Check.equal("YZ-FY", judge.externalBody().code());
      Check.equal("invited_expert", judge.post());
      // covers: mediate_mediator_leave_count mediate_mediator_leave_at mediate_mediator_duty_at
      Mediator leaver = r.findStaff("M-0061");
      List<Mediator.Leave> leave = leaver.leave();
      Check.equal(1, leave.size());
      Check.equal(NOV20, leave.get(0).from);
      Check.equal(NOV27, leave.get(0).until);
      Check.equal("年假", leave.get(0).reason);
      Check.equal("leave", leaver.dutyAt(AT));
      Check.equal("on", leaver.dutyAt(NOV27));
      Check.isNull(leaver.coordinates());
      // covers: mediate_mediator_recusal_count mediate_mediator_recusal_at
      List<Mediator.Recusal> rec = r.findStaff("M-0053").recusals();
      Check.equal(2, rec.size());
      Check.isNull(rec.get(0).partyId);
      Check.equal("王建国", rec.get(0).name);
      Check.equal("亲属", rec.get(0).relationship);
      Check.equal("org-6017636", rec.get(1).partyId);
      Check.isNull(rec.get(1).name);
    }
  }

  public void testNative() {
    // covers: mediate_roster_policy mediate_roster_free
    long[] out = new long[1];
    MediateNative.mediate_policy_load_file(out, COUNTY, null);
    SWIGTYPE_p_mediate_policy p = SWIGTYPE_p_mediate_policy.wrap(out[0]);
    try {
      MediateNative.mediate_roster_load_file(out, p, ROSTER, null);
      SWIGTYPE_p_mediate_roster r = SWIGTYPE_p_mediate_roster.wrap(out[0]);
      Check.equal(MediateNative.mediate_policy_name(p),
          MediateNative.mediate_policy_name(MediateNative.mediate_roster_policy(r)));
      Check.equal(6L, MediateNative.mediate_roster_count(r));
      Check.equal("M-0001", MediateNative.mediate_mediator_staff_number(MediateNative.mediate_roster_at(r, 0)));
      MediateNative.mediate_roster_free(r);
    } finally {
      MediateNative.mediate_policy_free(p);
    }
  }

  public void testLoadErrors() {
    String bad = "format: mediate-roster\nversion: 1\nmediators:\n"
        + "- {id: a1, staff: S-1, name: 史伟, unit: YZ-XX-PS-TJ, post: full_time, level: 10}\n"
        + "- {id: a2, staff: S-2, name: 孙军, unit: YZ-XX-PS-TK, post: part_time, level: 2}\n";
    try (Policy p = Policy.load(COUNTY)) {
      // covers: mediate_roster_load_buffer
      MediateException e = Check.raises(MediateException.class, () -> Roster.loadString(p, bad, "bad.yaml"));
      Check.equal(2, e.getErrors().size());
      Check.equal("mediators[0].level", e.getErrors().get(0).getPath());
      Check.equal(5L, e.getErrors().get(1).getLine());
      Check.isTrue(e.getErrors().get(1).getText().contains("YZ-XX-PS-TJ"), e.getErrors().get(1).getText());
      CoreTest.raisesCode(MediateError.EIO, () -> Roster.load(p, DATA + "/no-such-roster.yaml"));
    }
  }

  public void testBuildChangeAndRoundTrip() {
    try (Policy p = Policy.load(COUNTY)) {
      Roster r = Roster.create(p);             // covers: mediate_roster_new
      Mediator m = r.add("YZ-0001", "俞国庆", STUDIO, "full_time", 3);     // covers: mediate_roster_add
      Check.equal(36, m.id().length());
      Check.equal("on", m.duty());
      Check.equal(Arrays.asList("on_the_spot"), m.modes());
      CoreTest.raisesCode(MediateError.EEXISTS, () -> r.add("YZ-0001", "李娜", STUDIO, "part_time", 1));
      CoreTest.raisesCode(MediateError.EINVAL, () -> r.add("YZ-0002", "李娜", STUDIO, "part_time", 10));
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> r.add("YZ-0002", "李娜", "YZ-NOWHERE", "part_time", 1));
      Check.equal(1, r.size());
      m.setName("俞国庆（老俞）");                 // covers: mediate_roster_set_name
      m.setUnit("YZ-LP");                        // covers: mediate_roster_set_unit
      m.setPost("retired_volunteer");            // covers: mediate_roster_set_post
      m.setLevel(9);                             // covers: mediate_roster_set_level
      m.setPhone("13805741234");                 // covers: mediate_roster_set_phone
      m.setSpecialty("traffic.injury", 2);       // covers: mediate_roster_set_specialty
      m.setSpecialty("family", 5);
      m.setThinkTank(true);                      // covers: mediate_roster_set_think_tank
      m.setExternalBody("YZ-FY");                // covers: mediate_roster_set_external_body
      m.addLanguage("zh");                       // covers: mediate_roster_add_language
      m.addLanguage("en");
      m.removeLanguage("EN");                    // covers: mediate_roster_remove_language
      m.setModes("on_the_spot", "mobile");       // covers: mediate_roster_set_modes
      m.setCoordinates(29816000, 121547000);     // covers: mediate_roster_set_coordinates
      m.setCapacity(6);                          // covers: mediate_roster_set_capacity
      m.setLoad(2);                              // covers: mediate_roster_set_load
      m.setDuty("off");                          // covers: mediate_roster_set_duty
      m.addLeave(NOV20, NOV27, "年假");           // covers: mediate_roster_add_leave
      m.addLeave(NOV27, NOV27 + 86400, null);
      m.removeLeave(NOV27);                      // covers: mediate_roster_remove_leave
      m.addRecusal(null, "王建国", "亲属");        // covers: mediate_roster_add_recusal
      m.addRecusal("p7", null, null);
      m.removeRecusal(1);                        // covers: mediate_roster_remove_recusal
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.setLevel(0));
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.setCapacity(1001));
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.setModes());
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.addRecusal(null, null, "亲属"));
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.setDuty("leave"));
      CoreTest.raisesCode(MediateError.EINVAL, () -> m.addLanguage("中文"));
      CoreTest.raisesCode(MediateError.EEXISTS, () -> m.addLeave(NOV20 + 3600, NOV27 + 3600, null));
      Check.equal("俞国庆（老俞）", m.name());
      Check.equal("YZ-LP", m.unit().code());
      Check.equal("retired_volunteer", m.post());
      Check.equal(9, m.level());
      Check.equal(2, m.specialties().size());
      Check.equal(5, m.proficiency("family"));
      Check.equal("YZ-FY", m.externalBody().code());
      Check.equal(Arrays.asList("zh"), m.languages());
      Check.equal(Arrays.asList("on_the_spot", "mobile"), m.modes());
      Check.equal(4, m.freeCapacity());
      Check.equal("off", m.duty());
      Check.equal(1, m.leave().size());
      Check.equal(1, m.recusals().size());
      m.clearCoordinates();                      // covers: mediate_roster_clear_coordinates
      Check.isNull(m.coordinates());
      m.setCoordinates(29816000, 121547000);

      String yaml = r.toYaml();                  // covers: mediate_roster_to_yaml
      try (Roster back = Roster.loadString(p, yaml, "again.yaml")) {
        Check.equal(yaml, back.toYaml());
        Mediator b = back.find(m.id());
        Check.equal(m.name(), b.name());
        Check.equal(m.specialties(), b.specialties());
        Check.equal(NOV20, b.leave().get(0).from);
      }
      Mediator other = r.add("m-li-na", "YZ-0002", "李娜", STUDIO, "part_time", 1);
      r.remove(m);                               // covers: mediate_roster_remove
      Check.equal(1, r.size());
      Check.equal("李娜", other.name());
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> m.name());
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> r.remove("nobody"));
      r.close();                                 // covers: mediate_roster_free
      CoreTest.raisesCode(MediateError.ESTATE, () -> r.size());
    }
  }

  public void testRecuses() {
    // covers: mediate_mediator_recuses
    try (Policy p = Policy.load(COUNTY); Roster r = Roster.load(p, ROSTER);
         Case c = Case.create(p, STUDIO, AT, "u-110")) {
      Mediator zhang = r.findStaff("M-0053");
      c.addParty("p1", "applicant", "person", "李秀英");
      Check.isNull(zhang.recuses(c));
      c.addParty("p2", "respondent", "person", "王建国");
      Check.equal(0, (int) zhang.recuses(c));
    }
  }

  public void testMenu() {
    // covers: mediate_roster_menu mediate_menu_total mediate_menu_count mediate_menu_mediator_at
    // covers: mediate_menu_score mediate_menu_phone mediate_menu_free
    try (Policy p = Policy.load(COUNTY); Roster r = Roster.load(p, ROSTER)) {
      Roster.Menu page = r.menu("neighbour", null, null, AT, 0, 10, null);
      Check.equal(4L, page.total);
      StringBuilder got = new StringBuilder();
      for (Roster.MenuEntry e : page)
        got.append(e.score).append(' ').append(e.mediator.staffNumber()).append(';');
      Check.equal("5000 M-0001;5000 M-0296;4000 M-0297;3000 M-0053;", got.toString());
      Check.equal("135****6092", page.get(0).phone);
      page = r.menu(null, "YZ-ZGM", "remote_video", AT, 1, 1, null);
      Check.equal(2L, page.total);
      Check.equal(1, page.size());
      Check.equal(5L, r.menu(null, null, null, AT, 9, 10, null).total);
      Check.equal(0, r.menu(null, null, null, AT, 9, 10, null).size());
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> r.menu("neighbor", null, null, AT, 0, 10, null));
      CoreTest.raisesCode(MediateError.EINVAL, () -> r.menu(null, null, null, AT, 0, 0, null));
      try (Ratings none = Ratings.create(p)) {
        // Nothing rated: every mediator has the prior, so the order is by staff number.
        page = r.menu(null, null, null, AT, 0, 10, none);
        Check.equal("M-0001", page.get(0).mediator.staffNumber());
        Check.equal("M-0003", page.get(1).mediator.staffNumber());
        Check.equal(page.get(0).score, page.get(4).score);
      }
    }
  }
}
