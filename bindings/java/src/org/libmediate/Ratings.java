/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The ratings parties give mediators after their case ended, and the
 * outcome record of the mediators (mediate-ratings(5)).  Use it in
 * try-with-resources:
 *
 * <pre>
 * try (Policy p = Policy.load("county.yaml");
 *      Ratings ratings = Ratings.load(p, "ratings.yaml")) {
 *   ratings.add(someCase, "p1", 5, "调解员很耐心", Time.parse("2026-11-04T09:30:00+08:00"));
 *   RatingSummary s = ratings.summary(mediatorId, System.currentTimeMillis() / 1000);
 *   System.out.println(s.bayes() + " " + s.wilson());
 * }
 * </pre>
 *
 * <p>Each party (not an agent) of an ended case rates it once, 1 to 5
 * stars; the rating is credited to every mediator of the case.  Every
 * refusal throws {@link MediateException} and changes nothing: EEXISTS for
 * a second rating, ESTATE for a case that has not ended, ENOTFOUND for a
 * non-party, EINVAL for an agent, ERANGE for a time before the case ended.
 * The store keeps its policy reachable; {@link #ratings()} is a live view.
 * Not thread safe.  A store never closed is freed when it becomes
 * unreachable.
 */
public final class Ratings implements AutoCloseable {
  private final Policy policy;   // keeps the policy reachable
  private final Owned<SWIGTYPE_p_mediate_ratings> handle;

  private Ratings(Policy policy, long ptr) {
    this.policy = policy;
    handle = new Owned<>(this, SWIGTYPE_p_mediate_ratings.wrap(ptr), MediateNative::mediate_ratings_free, "ratings store");
  }

  /** An empty store bound to policy. */
  public static Ratings create(Policy policy) {
    long[] out = new long[1];
    MediateNative.mediate_ratings_new(out, policy.ptr());
    return new Ratings(policy, out[0]);
  }

  /** Runs a load collecting every error; throws with all of them. */
  private static Ratings load(Policy policy, LoadOptions.Loader loader, LoadOptions options) {
    return new Ratings(policy, LoadOptions.run(loader, options));
  }

  /** Loads a ratings file (mediate-ratings(5)) with the default limits. */
  public static Ratings load(Policy policy, String path) {
    return load(policy, path, null);
  }

  /** Loads a ratings file; a failure lists every error in getErrors(). */
  public static Ratings load(Policy policy, String path, LoadOptions options) {
    return load(policy, (out, opts) -> MediateNative.mediate_ratings_load_file(out, policy.ptr(), path, opts),
        options);
  }

  /** Loads ratings from YAML text; name (may be null) is used in errors. */
  public static Ratings loadString(Policy policy, String yaml, String name) {
    byte[] data = yaml.getBytes(StandardCharsets.UTF_8);
    return load(policy, (out, opts) -> MediateNative.mediate_ratings_load_buffer(out, policy.ptr(), data, name, opts),
        null);
  }

  /** The store as a mediate-ratings(5) document that loads back equal. */
  public String toYaml() {
    byte[][] out = new byte[1][];
    MediateNative.mediate_ratings_to_yaml(out, ptr());
    return new String(out[0], StandardCharsets.UTF_8);
  }

  SWIGTYPE_p_mediate_ratings ptr() {
    return handle.get();
  }

  /** Frees the store.  Safe to call twice. */
  @Override public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  public Policy policy() { return policy; }

  /** The number of ratings, excluded ones included. */
  public int size() {
    return (int)MediateNative.mediate_ratings_count(ptr());
  }

  /** The rating at index (0-based, in the order they were added). */
  public Rating get(int index) {
    SWIGTYPE_p_mediate_rating r = MediateNative.mediate_ratings_at(ptr(), index);
    if (r == null)
      throw new IndexOutOfBoundsException("rating " + index + " of " + size());
    return new Rating(this, r);
  }

  /** Every rating, a live read-only view. */
  public List<Rating> ratings() {
    return new View();
  }

  private final class View extends AbstractList<Rating> implements RandomAccess {
    @Override public Rating get(int index) { return Ratings.this.get(index); }
    @Override public int size() { return Ratings.this.size(); }
  }

  /** The rating of party partyId on case caseNumber, or null. */
  public Rating find(String caseNumber, String partyId) {
    SWIGTYPE_p_mediate_rating r = MediateNative.mediate_ratings_find(ptr(), caseNumber, partyId);
    return r == null ? null : new Rating(this, r);
  }

  /** Records (or replaces) the outcome of an ended case for its mediators. */
  public void recordCase(Case c) {
    MediateNative.mediate_ratings_record_case(ptr(), c.ptr());
  }

  /**
   * The rating of party partyId of the ended case c: 1..5 stars, a comment
   * (may be null), given at {@code at} (seconds, UTC).
   */
  public Rating add(Case c, String partyId, int stars, String comment, long at) {
    long[] out = new long[1];
    MediateNative.mediate_ratings_add(out, ptr(), c.ptr(), partyId, stars, comment, at);
    return new Rating(this, SWIGTYPE_p_mediate_rating.wrap(out[0]));
  }

  /** An upheld appeal: the rating no longer counts from {@code at} on (once only). */
  public void exclude(String caseNumber, String partyId, String reason, String actor, long at) {
    MediateNative.mediate_ratings_exclude(ptr(), caseNumber, partyId, reason, actor, at);
  }

  /** The aggregates of a mediator at {@code at}: what came after is left out. */
  public RatingSummary summary(String mediatorId, long at) {
    mediate_rating_summary s = new mediate_rating_summary();
    try {
      MediateNative.mediate_ratings_summary(s, ptr(), mediatorId, at);
      return new RatingSummary(mediatorId, at, s);
    } finally {
      s.delete();
    }
  }

  /** The policy's rating parameters: {prior mean (thousandths), prior weight, z (thousandths), half-life days}. */
  public static long[] parameters(Policy policy) {
    SWIGTYPE_p_mediate_policy p = policy.ptr();
    return new long[] {
      MediateNative.mediate_policy_rating_prior_milli(p),
      MediateNative.mediate_policy_rating_prior_weight(p),
      MediateNative.mediate_policy_rating_z_milli(p),
      MediateNative.mediate_policy_rating_half_life_days(p)
    };
  }
}
