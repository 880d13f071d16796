/* SPDX-License-Identifier: MIT */
package org.libmediate;

/**
 * The aggregates of one mediator at one time ({@link Ratings#summary}):
 * plain values.  The {@code *Milli} fields are thousandths (of a star, or
 * per mille of the success rate) as the library computes them; the methods
 * {@link #mean()}, {@link #bayes()}, {@link #success()} and {@link #wilson()}
 * give them as doubles.
 */
public final class RatingSummary {
  /** The mediator and the time the aggregates are for. */
  public final String mediator;
  public final long at;
  /** Ratings counted, and ratings excluded by an upheld appeal. */
  public final long count, excluded;
  /** The distribution: {@code stars[0]} is the number of 1-star ratings. */
  private final long[] stars;
  /** Plain mean and Bayesian average of the stars, in thousandths. */
  public final int meanMilli, bayesMilli;
  /** Ended cases on record, and of which agreements. */
  public final long ended, agreements;
  /** Agreements / ended, and its Wilson lower bound, per mille. */
  public final int successMilli, wilsonMilli;

  RatingSummary(String mediator, long at, mediate_rating_summary s) {
    this.mediator = mediator;
    this.at = at;
    count = s.getCount();
    excluded = s.getExcluded();
    stars = s.getStars();
    meanMilli = s.getMean_milli();
    bayesMilli = s.getBayes_milli();
    ended = s.getEnded();
    agreements = s.getAgreements();
    successMilli = s.getSuccess_milli();
    wilsonMilli = s.getWilson_milli();
  }

  /** The number of ratings with n stars (1..5). */
  public long stars(int n) {
    if (n < 1 || n > 5)
      throw new IllegalArgumentException("stars are 1 to 5");
    return stars[n - 1];
  }

  /** The distribution, a copy: index 0 is the number of 1-star ratings. */
  public long[] distribution() {
    return stars.clone();
  }

  public double mean() { return meanMilli / 1000.0; }
  public double bayes() { return bayesMilli / 1000.0; }
  public double success() { return successMilli / 1000.0; }
  public double wilson() { return wilsonMilli / 1000.0; }

  @Override public String toString() {
    return mediator + ": " + count + " ratings, bayes " + bayes() + ", " + agreements + "/" + ended
        + " agreements, wilson " + wilson();
  }
}
