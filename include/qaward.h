/**
 * @file qaward.h
 * @brief Umbrella header: includes every libqaward module.
 */
#ifndef QAWARD_H
#define QAWARD_H
#include "qaward/core.h"
#include "qaward/date.h"
#include "qaward/store.h"
#include "qaward/review.h"
#include "qaward/scoring.h"
#include "qaward/policy.h"
#include "qaward/subject.h"
#include "qaward/eligibility.h"
#include "qaward/calendar.h"
#include "qaward/procedure.h"
#include "qaward/cycle.h"
#include "qaward/sanctions.h"
#endif
