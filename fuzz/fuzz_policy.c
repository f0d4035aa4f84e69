/* Fuzz qaward_policy_load_json; a policy that loads drives a full check of a
 * fixed applicant and the policy getters. */
#include "harness.h"

static const char subject[] =
    "{\"id\":\"S\",\"kind\":\"organization\",\"region_code\":\"360802\",\"legal_person\":true,"
    "\"for_profit\":true,\"registration_date\":\"2012-06-18\",\"excellence_model_since\":\"2021-01-01\","
    "\"certificates\":[{\"type\":\"iso9001\",\"valid_from\":\"2016-03-01\",\"valid_to\":\"2026-02-28\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qaward_ctx *ctx;
    if (qaward_ctx_new(&ctx, NULL))
        return 0;
    char *buf = fz_copy(data, size);
    qaward_policy *p = NULL;
    if (buf && fz_check(ctx, qaward_policy_load_json(&p, ctx, buf, size), "policy_load_json") == QAWARD_OK) {
        qaward_subject *s = NULL;
        if (qaward_subject_load_json(&s, ctx, subject, sizeof subject - 1) == QAWARD_OK) {
            qaward_date as_of = qaward_policy_valid_from(p);
            qaward_verdict *v = NULL;
            if (fz_check(ctx, qaward_check(&v, ctx, p, s, NULL, as_of), "check") == QAWARD_OK) {
                char *out = NULL;
                if (fz_check(ctx, qaward_verdict_to_json(&out, v, ctx), "verdict_to_json") == QAWARD_OK)
                    qaward_string_free(ctx, out);
                out = NULL;
                if (fz_check(ctx, qaward_verdict_to_text(&out, v, ctx, QAWARD_LANG_EN), "verdict_to_text") ==
                    QAWARD_OK)
                    qaward_string_free(ctx, out);
                qaward_verdict_free(v);
            }
            qaward_subject_free(s);
        }
        const char *level;
        int32_t max;
        size_t nk;
        for (size_t i = 0; qaward_policy_quota_get(&level, &max, &nk, p, i) == QAWARD_OK; i++)
            for (size_t k = 0; k < nk; k++) {
                const char *kind = qaward_policy_quota_kind(p, i, k);
                int64_t fen;
                int32_t qmax;
                size_t group;
                int pooled;
                fz_check(ctx, qaward_policy_prize(&fen, ctx, p, level, kind), "policy_prize");
                fz_check(ctx, qaward_policy_quota(&qmax, &group, &pooled, ctx, p, level, kind), "policy_quota");
                qaward_date d;
                fz_check(ctx, qaward_policy_reapply_date(&d, ctx, p, level, 20201220), "reapply_date");
            }
        const char *sk;
        for (size_t i = 0; (sk = qaward_policy_sanction_kind(p, i)) != NULL; i++) {
            qaward_date from, until;
            fz_check(ctx, qaward_policy_ban_window(&from, &until, ctx, p, sk, 20240310), "ban_window");
        }
        qaward_policy_free(p);
    }
    free(buf);
    qaward_ctx_free(ctx);
    return 0;
}
