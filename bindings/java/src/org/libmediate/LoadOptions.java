/* SPDX-License-Identifier: MIT */
package org.libmediate;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits of a YAML load, each with the library's default:
 * maxDocumentBytes (1 MiB), maxDepth (64), maxScalarBytes (64 KiB),
 * maxNodes (1,000,000), maxErrors (100).  Setters return this.
 */
public final class LoadOptions {
  final mediate_load_options opts = new mediate_load_options();

  public LoadOptions() {
    MediateNative.mediate_load_options_init(opts, MediateNativeConstants.MEDIATE_LOAD_OPTIONS_VERSION);
  }

  public LoadOptions maxDocumentBytes(long n) { opts.setMax_document_bytes(n); return this; }
  public LoadOptions maxDepth(long n) { opts.setMax_depth(n); return this; }
  public LoadOptions maxScalarBytes(long n) { opts.setMax_scalar_bytes(n); return this; }
  public LoadOptions maxNodes(long n) { opts.setMax_nodes(n); return this; }
  public LoadOptions maxErrors(long n) { opts.setMax_errors(n); return this; }

  public long getMaxDocumentBytes() { return opts.getMax_document_bytes(); }
  public long getMaxDepth() { return opts.getMax_depth(); }
  public long getMaxScalarBytes() { return opts.getMax_scalar_bytes(); }
  public long getMaxNodes() { return opts.getMax_nodes(); }
  public long getMaxErrors() { return opts.getMax_errors(); }

  /** One native load: fills out[0] with the new object's pointer or throws. */
  interface Loader {
    void load(long[] out, mediate_load_options opts);
  }

  /**
   * Runs a load with every error collected (options may be null: the
   * defaults); returns the new object's pointer, or throws a
   * MediateException whose getErrors() lists them all.
   */
  static long run(Loader loader, LoadOptions options) {
    LoadOptions o = options != null ? options : new LoadOptions();
    SWIGTYPE_p_mbind_errors list = MediateNative.mbind_errors_new();
    if (list == null)
      throw new MediateException(new MediateError(MediateError.ENOMEM, "", 0, 0, "", "out of memory"));
    try {
      MediateNative.mbind_errors_attach(list, o.opts);
      long[] out = new long[1];
      try {
        loader.load(out, o.opts);
      } catch (MediateException e) {
        long n = MediateNative.mbind_errors_count(list);
        if (n == 0)
          throw e;
        List<MediateError> all = new ArrayList<>();
        for (long i = 0; i < n; i++)
          all.add(MediateError.of(MediateNative.mbind_errors_at(list, i)));
        throw new MediateException(e.getError(), all);
      }
      return out[0];
    } finally {
      o.opts.setOn_error(null);
      o.opts.setOn_error_user(null);
      MediateNative.mbind_errors_free(list);
    }
  }
}
