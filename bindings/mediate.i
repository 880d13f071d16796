/* SPDX-License-Identifier: MIT */
/*
 * libmediate: the one SWIG interface shared by every language binding.
 *
 * Python: the module is mediate.capi (extension mediate._capi); the package
 * mediate/__init__.py builds the idiomatic layer on top of it.
 * Java: the module class is org.libmediate.MediateNative (JNI class
 * MediateNativeJNI, library libmediate_jni); hand-written classes in
 * bindings/java/src build the idiomatic layer.
 *
 * Layout: the typemaps shared by every module come first (one mapping of
 * mediate_status to exceptions, out-parameters, strings, buffers), then one
 * .i file per module.  A module adds bindings/<module>.i and ONE %include
 * line at the end of this file; see bindings/README.md.
 */
#if defined(SWIGJAVA)
%module MediateNative
#else
%module(package="mediate") capi
#endif

%{
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "mediate.h"
%}

%include <stdint.i>

/*
 * The typemaps every module shares.  Both files define the same things:
 *   - mediate_status: a negative value raises (Python mediate.Error
 *     subclasses, Java org.libmediate.MediateException);
 *   - out-parameters named "out" of type int64_t, int, unsigned int,
 *     size_t, uint32_t, uint64_t, double (use %apply for other names),
 *     MEDIATE_ENUM_OUT(T) for "T *out", MEDIATE_HANDLE_OUT(T) for "T **out",
 *     MEDIATE_STRUCT_OUT(T) for a caller-supplied struct "T *out";
 *     Python returns them (a tuple when several), Java passes arrays;
 *   - (const char *data, size_t len) and (const char *s, size_t len) from
 *     bytes/str (Python) or byte[] (Java);
 *   - (char *buf, size_t size): Python returns the text, Java takes byte[];
 *   - "mediate_error *err" is hidden: the exception carries the error;
 *   - strings are UTF-8 both ways (Java too, not "modified UTF-8").
 */
#if defined(SWIGPYTHON)
%include "python/mediate_python.i"
#elif defined(SWIGJAVA)
%include "java/mediate_java.i"
#else
#error "libmediate bindings: only Python and Java are supported"
#endif

/* Modules, in the order of include/mediate.h.  One line per module. */
%include "core.i"
%include "policy.i"
%include "case.i"
%include "grade.i"
%include "route.i"
%include "route_store.i"
%include "roster.i"
%include "rating.i"
%include "match.i"
%include "pay.i"
