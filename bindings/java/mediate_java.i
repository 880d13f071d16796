/* SPDX-License-Identifier: MIT */
/*
 * Java half of the shared typemaps (see the list in ../mediate.i).
 *
 * Errors: every negative mediate_status throws
 * org.libmediate.MediateException, built by its static fromNative() with
 * the details of mediate_error_last().  Functions returning mediate_status
 * are void in Java.  Strings cross as byte[] and are decoded/encoded as real
 * UTF-8 in Java (JNI's NewStringUTF speaks "modified UTF-8", which breaks
 * characters outside the BMP such as U+20BB7).
 */

/* Literal in Java (a JNI getter would be an exported-looking extra). */
%javaconst(1) MEDIATE_VERSION_STRING;

%pragma(java) jniclassclassmodifiers="final class"
%pragma(java) moduleclassmodifiers="public final class"
%pragma(java) jniclasscode=%{
  /* Loads libmediate_jni: from the file named by the property
   * org.libmediate.jni if set, else from java.library.path. */
  static {
    String path = System.getProperty("org.libmediate.jni");
    if (path != null && !path.isEmpty())
      System.load(path);
    else
      System.loadLibrary("mediate_jni");
  }
%}

%{
/* Plain C JNI calls here: SWIG's JCALLn macros only exist inside typemaps. */
static jbyteArray
mbind_java_bytes(JNIEnv *jenv, const char *s)
{
	jbyteArray a;
	jsize n;

	if (s == NULL)
		return NULL;
	n = (jsize)strlen(s);
	a = (*jenv)->NewByteArray(jenv, n);
	if (a != NULL && n > 0)
		(*jenv)->SetByteArrayRegion(jenv, a, 0, n, (const jbyte *)s);
	return a;
}

/* Throws MediateException.fromNative(code, file, line, column, path, text). */
static void
mbind_java_throw_record(JNIEnv *jenv, const mediate_error *rec)
{
	jclass cls;
	jmethodID make;
	jobject exc;

	if ((*jenv)->ExceptionCheck(jenv))
		return;
	cls = (*jenv)->FindClass(jenv, "org/libmediate/MediateException");
	if (cls == NULL)
		return;
	make = (*jenv)->GetStaticMethodID(jenv, cls, "fromNative",
	              "(I[BJJ[B[B)Lorg/libmediate/MediateException;");
	if (make == NULL)
		return;
	exc = (*jenv)->CallStaticObjectMethod(jenv, cls, make, (jint)rec->code,
	             mbind_java_bytes(jenv, rec->file), (jlong)rec->line, (jlong)rec->column,
	             mbind_java_bytes(jenv, rec->path), mbind_java_bytes(jenv, rec->text));
	if (exc != NULL && !(*jenv)->ExceptionCheck(jenv))
		(*jenv)->Throw(jenv, (jthrowable)exc);
}

/* The details come from the last error when it is about this failure. */
static void
mbind_java_throw(JNIEnv *jenv, int code)
{
	const mediate_error *last = mediate_error_last();
	mediate_error rec;

	if (last->code == code) {
		rec = *last;
	} else {
		memset(&rec, 0, sizeof rec);
		rec.version = MEDIATE_ERROR_VERSION;
		rec.code = code;
		strncpy(rec.text, mediate_strerror(code), sizeof rec.text - 1);
	}
	mbind_java_throw_record(jenv, &rec);
}

/* For errors found by the binding itself (not by the library). */
static void
mbind_java_throw_text(JNIEnv *jenv, int code, const char *text)
{
	mediate_error rec;

	memset(&rec, 0, sizeof rec);
	rec.version = MEDIATE_ERROR_VERSION;
	rec.code = code;
	strncpy(rec.text, text, sizeof rec.text - 1);
	mbind_java_throw_record(jenv, &rec);
}

/* A copy of a byte[] with a NUL after it; NULL for null (or on failure,
 * with an exception pending: *failed is then set). */
static char *
mbind_java_copy(JNIEnv *jenv, jbyteArray a, size_t *len, int *failed)
{
	jsize n;
	char *s;

	*failed = 0;
	*len = 0;
	if (a == NULL)
		return NULL;
	n = (*jenv)->GetArrayLength(jenv, a);
	s = (char *)malloc((size_t)n + 1);
	if (s == NULL) {
		mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
		*failed = 1;
		return NULL;
	}
	if (n > 0)
		(*jenv)->GetByteArrayRegion(jenv, a, 0, n, (jbyte *)s);
	s[n] = '\0';
	*len = (size_t)n;
	return s;
}
%}

/* ---- mediate_status: the one error mapping ---- */

%typemap(jni) mediate_status "jint"
%typemap(jtype) mediate_status "int"
%typemap(jstype) mediate_status "void"
%typemap(javaout) mediate_status {
    $jnicall;
  }
/* No early return: the freearg cleanup below the out typemap must run.
 * Argouts check for the pending exception. */
%typemap(out) mediate_status {
	if ($1 < 0)
		mbind_java_throw(jenv, $1);
	$result = (jint)$1;
}

/* ---- strings (UTF-8 both ways) ---- */

%typemap(jni) const char *, char *, char [ANY] "jbyteArray"
%typemap(jtype) const char *, char *, char [ANY] "byte[]"
%typemap(jstype) const char *, char *, char [ANY] "String"
%typemap(javain) const char *, char * "NativeStrings.encode($javainput)"
%typemap(javaout) const char *, char *, char [ANY] {
    return NativeStrings.decode($jnicall);
  }
/* NativeStrings.encode() has refused a NUL character already. */
%typemap(in) const char * (size_t slen = 0, int failed = 0) {
	$1 = mbind_java_copy(jenv, $input, &slen, &failed);
	if (failed)
		return $null;
}
%typemap(freearg) const char * {
	free((char *)$1);
}
/* A char array member set from Java: copied (and cut) by SWIG's memberin. */
%typemap(in) char [ANY] (size_t clen = 0, int failed = 0) {
	$1 = mbind_java_copy(jenv, $input, &clen, &failed);
	if (failed)
		return $null;
}
%typemap(freearg) char [ANY] {
	free($1);
}
%typemap(out) const char *, char *, char [ANY] {
	$result = mbind_java_bytes(jenv, $1);
}

/* Bytes with a length: NUL bytes and bad UTF-8 reach the library. */
%typemap(jni) (const char *data, size_t len), (const char *s, size_t len) "jbyteArray"
%typemap(jtype) (const char *data, size_t len), (const char *s, size_t len) "byte[]"
%typemap(jstype) (const char *data, size_t len), (const char *s, size_t len) "byte[]"
%typemap(javain) (const char *data, size_t len), (const char *s, size_t len) "$javainput"
%typemap(in) (const char *data, size_t len) (int failed = 0), (const char *s, size_t len) (int failed = 0) {
	$1 = mbind_java_copy(jenv, $input, &$2, &failed);
	if (failed)
		return $null;
}
%typemap(freearg) (const char *data, size_t len), (const char *s, size_t len) {
	free((char *)$1);
}

/* A caller's buffer for text output: byte[], NUL-terminated by the call. */
%typemap(jni) (char *buf, size_t size) "jbyteArray"
%typemap(jtype) (char *buf, size_t size) "byte[]"
%typemap(jstype) (char *buf, size_t size) "byte[]"
%typemap(javain) (char *buf, size_t size) "$javainput"
%typemap(in) (char *buf, size_t size) {
	$1 = NULL;
	$2 = 0;
	if ($input != NULL) {
		jsize n = JCALL1(GetArrayLength, jenv, $input);
		$1 = (char *)calloc(n > 0 ? (size_t)n : 1, 1);
		if ($1 == NULL) {
			mbind_java_throw_text(jenv, MEDIATE_ENOMEM, "out of memory");
			return $null;
		}
		$2 = (size_t)n;
	}
}
%typemap(argout) (char *buf, size_t size) {
	if ($1 != NULL && $2 > 0 && !JCALL0(ExceptionCheck, jenv))
		JCALL4(SetByteArrayRegion, jenv, $input, 0, (jsize)$2, (const jbyte *)$1);
}
%typemap(freearg) (char *buf, size_t size) {
	free($1);
}

/*
 * ---- out-parameters: arrays of at least one element ----
 * A null or empty array passes NULL: the library refuses it (EINVAL) or,
 * where the parameter is optional, skips it.
 */

%define MEDIATE_JAVA_OUT(TYPE, JNITYPE, JTYPE, JARRAY, SETTER)
%typemap(jni) TYPE *out "JARRAY"
%typemap(jtype) TYPE *out "JTYPE[]"
%typemap(jstype) TYPE *out "JTYPE[]"
%typemap(javain) TYPE *out "$javainput"
%typemap(in) TYPE *out (TYPE temp) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1) {
		temp = (TYPE)0;
		$1 = &temp;
	}
}
%typemap(argout) TYPE *out {
	if ($1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		JNITYPE v = (JNITYPE)*$1;
		JCALL4(SETTER, jenv, $input, 0, 1, &v);
	}
}
%enddef

MEDIATE_JAVA_OUT(int64_t, jlong, long, jlongArray, SetLongArrayRegion)
MEDIATE_JAVA_OUT(uint64_t, jlong, long, jlongArray, SetLongArrayRegion)
MEDIATE_JAVA_OUT(int, jint, int, jintArray, SetIntArrayRegion)
MEDIATE_JAVA_OUT(unsigned int, jlong, long, jlongArray, SetLongArrayRegion)
MEDIATE_JAVA_OUT(uint32_t, jlong, long, jlongArray, SetLongArrayRegion)
MEDIATE_JAVA_OUT(size_t, jlong, long, jlongArray, SetLongArrayRegion)
MEDIATE_JAVA_OUT(double, jdouble, double, jdoubleArray, SetDoubleArrayRegion)

/* A uint64_t value (order numbers, sequence numbers) is a Java long, like the
 * long[] of a "uint64_t *out", in every module: not SWIG's BigInteger.  The
 * numbers count from 1 and never come near 2^63 (above it a long reads
 * negative: Long.toUnsignedString shows it). */
%apply long long { uint64_t };

/* An enum out-parameter: int[] receiving the enum's value. */
%define MEDIATE_ENUM_OUT(TYPE)
MEDIATE_JAVA_OUT(TYPE, jint, int, jintArray, SetIntArrayRegion)
%enddef

/* A handle created by the call ("T **out"): long[] receiving the pointer,
 * turned into the handle by SWIGTYPE_p_T.wrap(ptr). */
%define MEDIATE_HANDLE_OUT(TYPE)
%typemap(jni) TYPE **out "jlongArray"
%typemap(jtype) TYPE **out "long[]"
%typemap(jstype) TYPE **out "long[]"
%typemap(javain) TYPE **out "$javainput"
%typemap(in) TYPE **out (TYPE *temp = NULL) {
	$1 = NULL;
	if ($input != NULL && JCALL1(GetArrayLength, jenv, $input) >= 1)
		$1 = &temp;
}
%typemap(argout) TYPE **out {
	if ($1 != NULL && !JCALL0(ExceptionCheck, jenv)) {
		jlong v = 0;
		*(TYPE **)&v = *$1;
		JCALL4(SetLongArrayRegion, jenv, $input, 0, 1, &v);
	}
}
%enddef

/* Every opaque pointer class gets wrap(long): the handle from a long[] out. */
%typemap(javacode) SWIGTYPE * %{
  /** The handle stored in a long[] out-parameter (0 gives null). */
  public static $javaclassname wrap(long cPtr) {
    return cPtr == 0 ? null : new $javaclassname(cPtr, false);
  }
%}

/* A struct the call fills: Java passes the (SWIG proxy) object itself. */
%define MEDIATE_STRUCT_OUT(TYPE)
%enddef

/* Loaders' error records are hidden: the exception carries the first error. */
%typemap(in, numinputs=0) mediate_error *err {
	$1 = NULL;
}
/* ... but a const record passed in (mediate_error_format) stays a parameter. */
%apply SWIGTYPE * { const mediate_error *err };
