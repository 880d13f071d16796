/* SPDX-License-Identifier: MIT */
/*
 * libmediate umbrella header: include this one.
 * See libmediate(3) for conventions, ownership and thread safety.
 */
#ifndef MEDIATE_H
#define MEDIATE_H

#include "mediate/common.h"
#include "mediate/version.h"
#include "mediate/errors.h"
#include "mediate/money.h"
#include "mediate/datetime.h"
#include "mediate/id.h"
#include "mediate/utf8.h"
#include "mediate/load.h"
#include "mediate/policy.h"
#include "mediate/calendar.h"
#include "mediate/route.h"
#include "mediate/route_store.h"
#include "mediate/case.h"
#include "mediate/grade.h"
#include "mediate/rating.h"
#include "mediate/roster.h"
#include "mediate/match.h"
#include "mediate/pay.h"

#endif /* MEDIATE_H */
