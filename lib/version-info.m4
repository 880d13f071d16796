dnl SPDX-License-Identifier: MIT
dnl libtool -version-info for libmediate.so: CURRENT:REVISION:AGE.
dnl
dnl Change these only right before a release, and by these rules:
dnl  1. The source changed but no interface did:   REVISION += 1.
dnl  2. An interface was added, removed or changed: CURRENT += 1, REVISION = 0.
dnl  3. Interfaces were only added:                 AGE += 1.
dnl  4. An interface was removed or changed:        AGE = 0.
dnl The package version (AC_INIT) is unrelated to these numbers.
m4_define([MEDIATE_LT_CURRENT], [0])
m4_define([MEDIATE_LT_REVISION], [0])
m4_define([MEDIATE_LT_AGE], [0])
