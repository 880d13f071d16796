/* SPDX-License-Identifier: MIT */
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.libmediate.*;

/**
 * Ratings through Java: the idiomatic Ratings, Rating and RatingSummary
 * classes, and every C function of the rating module through MediateNative.
 */
public class RatingTest {
  static final String DATA = System.getenv("MEDIATE_BINDINGS_DATA") != null
      ? System.getenv("MEDIATE_BINDINGS_DATA") : "bindings/data";
  static final String EXAMPLES = System.getenv("MEDIATE_EXAMPLES_DATA") != null
      ? System.getenv("MEDIATE_EXAMPLES_DATA") : "examples/data";
  static final String COUNTY = DATA + "/county.yaml";
  static final String STUDIO = "YZ-ZGM-PS-TJ";
  static final String LEAD = "6f1c2a4e-8b7d-4c3e-9a51-2d0e7f3b9c01";
  static final String EXPERT = "0b9e5d47-3f62-4a18-b7c4-5e1a9d2f6c88";
  static final long T0 = Time.parse("2026-03-02T09:00:00+08:00");
  static final long END = T0 + 5 * 3600;
  static final long DAY = 86400;

  /** A numbered case with p1, p2 and the agent a1, ended five hours after reception (outcome null: open). */
  static Case endedCase(Policy p, long seq, String outcome, long t, boolean expert) {
    Case c = Case.create(p, STUDIO, t, "u-110-desk");
    c.assignNumber(seq);
    c.addParty("p1", "applicant", "person", "王秀兰");
    c.addParty("p2", "respondent", "person", "李建军");
    c.addParty("a1", "agent", "person", "钱律师");
    c.transition("assessed", t + 3600, "u-pan", STUDIO, "一般纠纷");
    c.addMediator(LEAD, "潘志明", "lead", t + 2 * 3600, "u-pan", STUDIO);
    if (expert)
      c.addMediator(EXPERT, "陈晓燕", "expert", t + 2 * 3600, "u-pan", STUDIO);
    c.setMode("on_the_spot");
    c.transition("assigned", t + 3 * 3600, "u-pan", STUDIO, null);
    c.transition("in_mediation", t + 4 * 3600, "u-pan", STUDIO, null);
    if ("agreement".equals(outcome))
      c.reachAgreement("oral", t + 5 * 3600, "u-pan", STUDIO, "当场达成口头协议");
    else if (outcome != null)
      c.transition(outcome, t + 5 * 3600, "u-pan", STUDIO, "双方分歧较大");
    return c;
  }

  public void testParameters() {
    try (Policy p = Policy.load(COUNTY)) {
      long[] v = Ratings.parameters(p);
      Check.equal(4000, v[0]);   // covers: mediate_policy_rating_prior_milli
      Check.equal(10, v[1]);     // covers: mediate_policy_rating_prior_weight
      Check.equal(1960, v[2]);   // covers: mediate_policy_rating_z_milli
      Check.equal(0, v[3]);      // covers: mediate_policy_rating_half_life_days
    }
    long[] out = new long[1];
    MediateNative.mediate_policy_load_buffer(out, (readFile(COUNTY)
        + "\nratings:\n  prior_mean: 4.2\n  prior_weight: 25\n  z: 2.576\n  half_life_days: 180\n")
        .getBytes(StandardCharsets.UTF_8), "custom.yaml", null);
    SWIGTYPE_p_mediate_policy custom = SWIGTYPE_p_mediate_policy.wrap(out[0]);
    Check.equal(4200, MediateNative.mediate_policy_rating_prior_milli(custom));
    Check.equal(25, MediateNative.mediate_policy_rating_prior_weight(custom));
    Check.equal(2576, MediateNative.mediate_policy_rating_z_milli(custom));
    Check.equal(180, MediateNative.mediate_policy_rating_half_life_days(custom));
    MediateNative.mediate_policy_free(custom);
    MediateException e = CoreTest.raisesCode(MediateError.ERANGE,
        () -> Policy.loadString(readFile(COUNTY) + "\nratings: {prior_mean: 9, z: 0}\n", "bad.yaml"));
    Check.equal(2, e.getErrors().size());
    Check.equal("ratings.prior_mean", e.getErrors().get(0).getPath());
  }

  public void testAddFindAndGetters() {
    try (Policy p = Policy.load(COUNTY);
         Case c = endedCase(p, 1, "agreement", T0, true);
         Ratings r = Ratings.create(p)) {                                 // covers: mediate_ratings_new
      Check.equal(0, r.size());
      Rating x = r.add(c, "p1", 5, "调解员很耐心，讲法讲理", END + 3600);     // covers: mediate_ratings_add
      Check.equal("YZ-ZGM-PS-TJ-2026-000001", x.caseNumber());            // covers: mediate_rating_case_number
      Check.equal("p1", x.partyId());                                     // covers: mediate_rating_party_id
      Check.equal(5, x.stars());                                          // covers: mediate_rating_stars
      Check.equal("调解员很耐心，讲法讲理", x.comment());                      // covers: mediate_rating_comment
      Check.equal(END + 3600, x.at());                                    // covers: mediate_rating_at
      // covers: mediate_rating_mediator_count mediate_rating_mediator_at
      Check.equal(List.of(LEAD, EXPERT), x.mediators());
      Check.isTrue(!x.excluded(), "not excluded");
      Check.isNull(x.exclusionReason());
      r.add(c, "p2", 3, null, END + 7200);
      Check.equal(2, r.size());                                           // covers: mediate_ratings_count
      Check.equal("p2", r.get(1).partyId());                              // covers: mediate_ratings_at
      Check.isNull(r.get(1).comment());
      Check.equal(r.get(1), r.find(c.number(), "p2"));                    // covers: mediate_ratings_find
      Check.isNull(r.find(c.number(), "p3"));
      Check.equal(2, r.ratings().size());
      Check.raises(IndexOutOfBoundsException.class, () -> r.get(2));
      // The raw functions, on a store read back from the YAML.
      SWIGTYPE_p_mediate_policy rawp = rawPolicy();
      SWIGTYPE_p_mediate_ratings raw = rawStore(rawp, r.toYaml());
      Check.equal(2, MediateNative.mediate_ratings_count(raw));
      SWIGTYPE_p_mediate_rating first = MediateNative.mediate_ratings_at(raw, 0);
      Check.equal(2, MediateNative.mediate_rating_mediator_count(first));
      Check.equal(EXPERT, MediateNative.mediate_rating_mediator_at(first, 1));
      Check.isNull(MediateNative.mediate_rating_mediator_at(first, 2));
      Check.isNull(MediateNative.mediate_ratings_at(raw, 5));
      Check.isTrue(MediateNative.mediate_ratings_find(raw, c.number(), "p1") != null, "find");
      mediate_rating_summary sum = new mediate_rating_summary();
      MediateNative.mediate_ratings_summary(sum, raw, LEAD, END + DAY);
      Check.equal(2, sum.getCount());
      Check.equal(1, sum.getStars()[4]);
      Check.equal(1, sum.getStars()[2]);
      sum.delete();
      MediateNative.mediate_ratings_free(raw);
      MediateNative.mediate_policy_free(rawp);
    }
  }

  public void testIntegrityRules() {
    try (Policy p = Policy.load(COUNTY);
         Case c = endedCase(p, 2, "agreement", T0, false);
         Case open = endedCase(p, 3, null, T0, false);
         Ratings r = Ratings.create(p)) {
      r.add(c, "p1", 4, null, END);
      String before = r.toYaml();
      CoreTest.raisesCode(MediateError.EEXISTS, () -> r.add(c, "p1", 2, null, END + 60));
      CoreTest.raisesCode(MediateError.EINVAL, () -> r.add(c, "a1", 4, null, END));
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> r.add(c, "p9", 4, null, END));
      CoreTest.raisesCode(MediateError.ESTATE, () -> r.add(open, "p1", 4, null, END));
      CoreTest.raisesCode(MediateError.ESTATE, () -> r.recordCase(open));
      MediateException e = CoreTest.raisesCode(MediateError.ERANGE, () -> r.add(c, "p2", 4, null, END - 1));
      Check.isTrue(e.getText().contains("before case YZ-ZGM-PS-TJ-2026-000002 ended"), e.getText());
      CoreTest.raisesCode(MediateError.ERANGE, () -> r.add(c, "p2", 6, null, END));
      CoreTest.raisesCode(MediateError.ELIMIT, () -> r.add(c, "p2", 4, "好".repeat(200), END));
      Check.equal(before, r.toYaml());
      Check.equal(1, r.size());
    }
  }

  public void testSummaryAndRecord() {
    try (Policy p = Policy.load(COUNTY); Ratings r = Ratings.create(p)) {
      int[] stars = { 5, 5, 4, 3, 5 };
      for (int i = 0; i < 10; i++) {
        try (Case c = endedCase(p, 10 + i, i == 3 ? "failed" : "agreement", T0 + i * DAY, false)) {
          r.recordCase(c);                                               // covers: mediate_ratings_record_case
          if (i < 5)
            r.add(c, "p1", stars[i], null, END + i * DAY);
        }
      }
      RatingSummary s = r.summary(LEAD, T0 + 20 * DAY);                   // covers: mediate_ratings_summary
      Check.equal(5, s.count);
      Check.equal(0, s.excluded);
      Check.equal(3, s.stars(5));
      Check.equal(1, s.stars(3));
      Check.equal(0, s.stars(1));
      Check.equal(4400, s.meanMilli);
      Check.equal(4133, s.bayesMilli);            // (10 x 4 + 22) / 15
      Check.equal(10, s.ended);
      Check.equal(9, s.agreements);
      Check.equal(900, s.successMilli);
      Check.equal(596, s.wilsonMilli);            // Wilson lower bound, z = 1.96
      Check.isTrue(Math.abs(s.wilson() - 0.596) < 1e-9, "wilson()");
      RatingSummary none = r.summary("nobody", T0);
      Check.equal(0, none.count);
      Check.equal(4000, none.bayesMilli);
    }
  }

  public void testExclusion() {
    try (Policy p = Policy.load(COUNTY);
         Case c = endedCase(p, 40, "agreement", T0, false);
         Ratings r = Ratings.create(p)) {
      r.add(c, "p1", 5, null, END);
      r.add(c, "p2", 1, "不公平", END + 60);
      r.exclude(c.number(), "p2", "申诉成立：评价与调解服务无关", "u-jdk", END + 2 * DAY);  // covers: mediate_ratings_exclude
      Rating x = r.find(c.number(), "p2");
      Check.isTrue(x.excluded(), "excluded");                            // covers: mediate_rating_excluded
      Check.equal("申诉成立：评价与调解服务无关", x.exclusionReason());         // covers: mediate_rating_exclusion_reason
      Check.equal("u-jdk", x.exclusionActor());                           // covers: mediate_rating_exclusion_actor
      Check.equal(END + 2 * DAY, x.exclusionAt());                        // covers: mediate_rating_exclusion_at
      CoreTest.raisesCode(MediateError.EEXISTS,
          () -> r.exclude(c.number(), "p2", "再次申诉", "u-jdk", END + 3 * DAY));
      CoreTest.raisesCode(MediateError.ENOTFOUND, () -> r.exclude(c.number(), "p3", "x", "u-jdk", END + 3 * DAY));
      Check.equal(1, r.summary(LEAD, END + 3 * DAY).count);
      Check.equal(1, r.summary(LEAD, END + 3 * DAY).excluded);
      Check.equal(2, r.summary(LEAD, END + DAY).count);
    }
  }

  public void testYamlRoundTrip() throws Exception {
    try (Policy p = Policy.load(COUNTY);
         Case c = endedCase(p, 50, "agreement", T0, false);
         Ratings r = Ratings.create(p)) {
      r.add(c, "p1", 4, "8 点: 到得很早 #好评", END);
      r.add(c, "p2", 2, "- 不满意\n第二行", END + 60);
      r.exclude(c.number(), "p2", "申诉成立", "u-jdk", END + DAY);
      String text = r.toYaml();                                          // covers: mediate_ratings_to_yaml
      Check.isTrue(text.startsWith("format: mediate-ratings\nversion: 1\n"), "header");
      try (Ratings back = Ratings.loadString(p, text, "r.yaml")) {        // covers: mediate_ratings_load_buffer
        Check.equal(text, back.toYaml());
        Check.equal("- 不满意\n第二行", back.get(1).comment());
      }
      File f = File.createTempFile("ratings", ".yaml");
      try {
        Files.write(f.toPath(), text.getBytes(StandardCharsets.UTF_8));
        try (Ratings back = Ratings.load(p, f.getPath())) {               // covers: mediate_ratings_load_file
          Check.equal(2, back.size());
          Check.isTrue(back.get(1).excluded(), "excluded after load");
        }
      } finally {
        f.delete();
      }
      CoreTest.raisesCode(MediateError.EIO, () -> Ratings.load(p, "/nonexistent/ratings.yaml"));
      String bad = "format: mediate-ratings\nversion: 1\n"
          + "outcomes:\n- {case: YZ-ZGM-PS-TJ-2026-000001, result: agreement,"
          + " ended_at: 2026-03-02T14:00:00+08:00, mediators: [m1]}\n"
          + "ratings:\n"
          + "- {case: YZ-ZGM-PS-TJ-2026-000001, party: p1, stars: 7, at: 2026-03-03T09:00:00+08:00, mediators: [m1]}\n"
          + "- {case: YZ-ZGM-PS-TJ-2026-000001, party: p2, stars: 4, at: soon, mediators: [m1]}\n";
      MediateException e = CoreTest.raisesCode(MediateError.ERANGE, () -> Ratings.loadString(p, bad, "bad.yaml"));
      Check.equal(2, e.getErrors().size());
      Check.equal(6, e.getLine());
      Check.equal("ratings[0].stars", e.getPath());
    }
  }

  public void testClose() {
    Policy p = Policy.load(COUNTY);
    Ratings r = Ratings.create(p);
    Check.isTrue(!r.isClosed(), "open");
    r.close();                                                            // covers: mediate_ratings_free
    r.close();
    Check.isTrue(r.isClosed(), "closed");
    CoreTest.raisesCode(MediateError.ESTATE, () -> r.size());
    MediateNative.mediate_ratings_free(null);
    p.close();
  }

  public void testSampleFile() throws Exception {
    File f = new File(EXAMPLES, "ratings.yaml");
    if (!f.exists())
      return;
    try (Policy p = Policy.load(EXAMPLES + "/county.yaml");
         Ratings r = Ratings.load(p, f.getPath(), bigOptions())) {
      Check.isTrue(r.size() > 100, "sample ratings");
      boolean excluded = false;
      for (Rating x : r.ratings())
        excluded |= x.excluded();
      Check.isTrue(excluded, "an excluded sample rating");
      Check.equal(new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8), r.toYaml());
    }
  }

  static LoadOptions bigOptions() {
    return new LoadOptions().maxDocumentBytes(64L << 20);
  }

  /** A store through the native API only (freed by the caller, before the policy). */
  static SWIGTYPE_p_mediate_ratings rawStore(SWIGTYPE_p_mediate_policy p, String yaml) {
    long[] out = new long[1];
    MediateNative.mediate_ratings_load_buffer(out, p, yaml.getBytes(StandardCharsets.UTF_8), "raw.yaml", null);
    return SWIGTYPE_p_mediate_ratings.wrap(out[0]);
  }

  static SWIGTYPE_p_mediate_policy rawPolicy() {
    long[] out = new long[1];
    MediateNative.mediate_policy_load_file(out, COUNTY, null);
    return SWIGTYPE_p_mediate_policy.wrap(out[0]);
  }

  static String readFile(String path) {
    try {
      return new String(Files.readAllBytes(new File(path).toPath()), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new RuntimeException(e);
    }
  }
}
