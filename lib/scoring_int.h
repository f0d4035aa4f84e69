/* The scoring module's entry points for other modules (cycle_json.c). Kept
 * apart from scoring_internal.h, whose structures clash with policy_int.h's.
 * Not installed. */
#ifndef QAWARD_SCORING_INT_H
#define QAWARD_SCORING_INT_H

#include "internal.h"
#include "qaward/review.h"
#include "qaward/scoring.h"

/* A qaward-sheets/1 document and a review-rules document already parsed as
 * part of a cycle document: as qaward_sheets_load_json and
 * qaward_review_rules_load_json, with messages keeping the positions in that
 * document. */
struct qj_value;
int qa_sheets_from_node(qaward_sheets **out, qaward_ctx *ctx, const qaward_scheme *scheme, const struct qj_value *node);
int qa_review_rules_from_node(qaward_review_rules **out, qaward_ctx *ctx, const struct qj_value *node);

#endif
