// SPDX-License-Identifier: MIT
package org.libmediate;

import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * The C object a Java object owns: freed exactly once, by {@link #close()}
 * or by the cleaner when the owner becomes unreachable.  Policy, Case,
 * Roster, Ratings, Matcher, Payroll and RouteStore each keep one; after
 * close, {@link #get()} throws {@link MediateException} (ESTATE, "the
 * roster is closed").
 */
final class Owned<T> {
  private static final Cleaner CLEANER = Cleaner.create();

  /* What the cleaner runs; it must not refer to the owner. */
  private static final class State<T> implements Runnable {
    private T ptr;
    private final Consumer<T> free;

    State(T ptr, Consumer<T> free) {
      this.ptr = ptr;
      this.free = free;
    }

    @Override public synchronized void run() {
      if (ptr != null) {
        free.accept(ptr);
        ptr = null;
      }
    }
  }

  private final State<T> state;
  private final Cleaner.Cleanable cleanable;
  private final String what;

  /** owner: the Java object; ptr: its C object; free: the C function that frees it; what: "roster". */
  Owned(Object owner, T ptr, Consumer<T> free, String what) {
    this.state = new State<>(ptr, free);
    this.cleanable = CLEANER.register(owner, state);
    this.what = what;
  }

  /** The pointer; throws once closed. */
  T get() {
    synchronized (state) {
      if (state.ptr == null)
        throw new MediateException(new MediateError(MediateError.ESTATE, "", 0, 0, "", "the " + what + " is closed"));
      return state.ptr;
    }
  }

  void close() {
    cleanable.clean();
  }

  boolean isClosed() {
    synchronized (state) {
      return state.ptr == null;
    }
  }
}
