/*
 * The smallest eligibility check: one organisation, the built-in Ji'an 2023
 * policy, no history, as of 2025-04-01 (R1: the date is always explicit).
 */
#include <qaward.h>

#include <stdio.h>
#include <string.h>

static const char SUBJECT[] =
    "{\"id\": \"ORG-MIN\", \"kind\": \"organization\", \"region_code\": \"360802\","
    " \"legal_person\": true, \"for_profit\": true, \"registration_date\": \"2015-03-01\","
    " \"excellence_model_since\": \"2021-06-01\","
    " \"certificates\": [{\"type\": \"iso9001\", \"valid_from\": \"2019-01-01\", \"valid_to\": \"2027-12-31\"},"
    "   {\"type\": \"safety_standardization\", \"level\": \"二级\", \"valid_from\": \"2022-01-01\", \"valid_to\": \"2027-12-31\"}],"
    " \"net_profit_fen\": {\"2023\": 1200000000, \"2024\": 900000000}, \"events\": [],"
    " \"attestations\": {\"supports_central_policies\": true, \"policy_compliance\": true,"
    "   \"notable_quality_benefits\": true, \"industry_leading\": true}}";

int main(void)
{
    qaward_ctx *ctx = NULL;
    qaward_policy *policy = NULL;
    qaward_subject *subject = NULL;
    qaward_verdict *verdict = NULL;
    char *text = NULL;
    qaward_date as_of = 20250401;

    int rc = qaward_ctx_new(&ctx, NULL);
    if (rc == 0)
        rc = qaward_policy_builtin(&policy, ctx, "jian-2023");
    if (rc == 0)
        rc = qaward_subject_load_json(&subject, ctx, SUBJECT, strlen(SUBJECT));
    if (rc == 0)
        rc = qaward_check(&verdict, ctx, policy, subject, NULL, as_of);
    if (rc == 0)
        rc = qaward_verdict_to_text(&text, verdict, ctx, QAWARD_LANG_EN);
    if (rc == 0) {
        fputs(text, stdout);
        /* good_reputation (Art. 10(6)) is not attested: unknown, so INCOMPLETE, never a silent pass (R5, R6) */
        printf("status: %s\n", qaward_verdict_status_name(qaward_verdict_status(verdict)));
        if (qaward_verdict_status(verdict) != QAWARD_INCOMPLETE)
            rc = QAWARD_EINTERNAL;
    } else {
        fprintf(stderr, "error %d (%s): %s\n", rc, qaward_strerror(rc), qaward_ctx_message(ctx));
    }
    qaward_string_free(ctx, text);
    qaward_verdict_free(verdict);
    qaward_subject_free(subject);
    qaward_policy_free(policy);
    qaward_ctx_free(ctx);
    return rc == 0 ? 0 : 1;
}
