/* SPDX-License-Identifier: MIT */
package org.libmediate;

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
}
