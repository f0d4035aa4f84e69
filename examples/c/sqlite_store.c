/*
 * A custom store backed by SQLite (DESIGN part B, "Storage by callback").
 *
 * 1. creates the schema in an in-memory database (or the file given as argv[1]);
 * 2. loads award history and a sanction;
 * 3. checks three organisations through the SQLite-backed store: one clean, one
 *    inside the Art. 5 re-application wait (R7), one banned after false materials
 *    (Art. 20, R9);
 * 4. writes a decision (a new sanction, Art. 20) through the store's
 *    transaction callbacks and shows that a failing write rolls everything back.
 */
#include "sqlite_store.h"

#include <stdio.h>
#include <string.h>

static const char *ORG_TEMPLATE =
    "{\"id\": \"%s\", \"kind\": \"organization\", \"region_code\": \"360802\","
    " \"legal_person\": true, \"for_profit\": true, \"registration_date\": \"2015-03-01\","
    " \"excellence_model_since\": \"2021-06-01\","
    " \"certificates\": [{\"type\": \"iso9001\", \"valid_from\": \"2019-01-01\", \"valid_to\": \"2027-12-31\"},"
    "   {\"type\": \"safety_standardization\", \"level\": \"二级\", \"valid_from\": \"2022-01-01\", \"valid_to\": \"2027-12-31\"}],"
    " \"net_profit_fen\": {\"2023\": 1200000000, \"2024\": 900000000, \"2025\": 950000000, \"2026\": 990000000}, \"events\": [],"
    " \"attestations\": {\"supports_central_policies\": true, \"policy_compliance\": true,"
    "   \"notable_quality_benefits\": true, \"industry_leading\": true, \"good_reputation\": true}}";

static int check_one(qaward_ctx *ctx, const qaward_policy *p, const qaward_store *store, const char *id,
                     qaward_date as_of, int want)
{
    char json[2048];
    qaward_subject *s = NULL;
    qaward_verdict *v = NULL;
    snprintf(json, sizeof json, ORG_TEMPLATE, id);
    int rc = qaward_subject_load_json(&s, ctx, json, strlen(json));
    if (rc == 0)
        rc = qaward_check(&v, ctx, p, s, store, as_of);
    if (rc == 0) {
        char d[QAWARD_DATE_STRLEN] = "";
        qaward_date e = qaward_verdict_earliest(v);
        if (e)
            qaward_date_format(d, e);
        printf("%-8s %-11s earliest %s\n", id, qaward_verdict_status_name(qaward_verdict_status(v)), e ? d : "-");
        for (size_t i = 0; i < qaward_verdict_check_count(v); i++)
            if (qaward_verdict_check_outcome(v, i) == QAWARD_FAIL)
                printf("    %s %s: %s\n", qaward_verdict_check_citation(v, i, QAWARD_LANG_ZH),
                       qaward_verdict_check_rule(v, i), qaward_verdict_check_message(v, i, QAWARD_LANG_EN));
        if (qaward_verdict_status(v) != want) {
            fprintf(stderr, "%s: unexpected status\n", id);
            rc = QAWARD_EINTERNAL;
        }
    }
    qaward_verdict_free(v);
    qaward_subject_free(s);
    return rc;
}

static int count(sqlite3 *db, const char *table)
{
    char sql[128];
    sqlite3_stmt *st;
    int n = -1;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Record a sanction the way the library does: begin, write, commit; rollback on failure. */
static int record_sanction(const qaward_store *store, const qaward_sanction_record *rec)
{
    int rc = store->begin_fn(store->userdata);
    if (rc != 0)
        return rc;
    rc = store->write_sanction_fn(store->userdata, rec);
    if (rc == 0)
        rc = store->commit_fn(store->userdata);
    if (rc != 0)
        store->rollback_fn(store->userdata);
    return rc;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    qaward_ctx *ctx = NULL;
    qaward_policy *policy = NULL;
    qaward_store store;

    if (sqlite3_open(argc > 1 ? argv[1] : ":memory:", &db) != SQLITE_OK || sqlite_store_schema(db) != SQLITE_OK) {
        fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        return 1;
    }
    /* history: ORG-W won the main award on 2021-12-20 (R7: may apply again from 2027-01-01);
     * ORG-B was found to have supplied false materials on 2022-03-15 (R9: refused until 2027-03-15). */
    sqlite3_exec(db,
                 "DELETE FROM awards; DELETE FROM sanctions;"
                 "INSERT INTO awards VALUES ('ORG-W', 'award', 'organization', '2021', 20211220, 0, 50000000, 0);"
                 "INSERT INTO sanctions VALUES ('ORG-B', 'false_materials', 20220315, 20220315, 20270315, 0, '第二十条');",
                 NULL, NULL, NULL);
    sqlite_store_table(&store, db);

    int rc = qaward_ctx_new(&ctx, NULL);
    if (rc == 0)
        rc = qaward_policy_builtin(&policy, ctx, "jian-2023");
    if (rc == 0)
        rc = check_one(ctx, policy, &store, "ORG-OK", 20250401, QAWARD_ELIGIBLE);
    if (rc == 0)
        rc = check_one(ctx, policy, &store, "ORG-W", 20250401, QAWARD_INELIGIBLE);
    if (rc == 0)
        rc = check_one(ctx, policy, &store, "ORG-W", 20270101, QAWARD_ELIGIBLE); /* R7 edge: day of */
    if (rc == 0)
        rc = check_one(ctx, policy, &store, "ORG-B", 20270314, QAWARD_INELIGIBLE); /* R9 edge: day before */
    if (rc == 0)
        rc = check_one(ctx, policy, &store, "ORG-B", 20270315, QAWARD_ELIGIBLE);   /* R9 edge: day of */

    if (rc == 0) {
        /* A new finding (Art. 20) with its ban window taken from the policy (R9). */
        qaward_sanction_record rec;
        qaward_sanction_record_init(&rec, QAWARD_SANCTION_RECORD_VERSION);
        rec.subject_id = "ORG-OK";
        rec.kind = "false_materials";
        rec.decided_on = 20250501;
        rec.citation = "第二十条";
        rc = qaward_policy_ban_window(&rec.ban_from, &rec.ban_until, ctx, policy, rec.kind, rec.decided_on);
        if (rc == 0)
            rc = record_sanction(&store, &rec);
        if (rc == 0) {
            printf("sanctions after commit: %d\n", count(db, "sanctions"));
            rc = check_one(ctx, policy, &store, "ORG-OK", 20250601, QAWARD_INELIGIBLE);
        }
        if (rc == 0) {
            /* A write that fails (NULL kind violates NOT NULL) rolls the transaction back. */
            rec.subject_id = "ORG-X";
            rec.kind = NULL;
            int before = count(db, "sanctions");
            int wrc = record_sanction(&store, &rec);
            printf("failing write -> %d (%s); sanctions %d -> %d\n", wrc, qaward_strerror(wrc), before,
                   count(db, "sanctions"));
            if (wrc != QAWARD_EUSER || count(db, "sanctions") != before)
                rc = QAWARD_EINTERNAL;
        }
    }
    if (rc != 0 && rc != QAWARD_EINTERNAL)
        fprintf(stderr, "error %d (%s): %s\n", rc, qaward_strerror(rc), qaward_ctx_message(ctx));
    qaward_policy_free(policy);
    qaward_ctx_free(ctx);
    sqlite3_close(db);
    return rc == 0 ? 0 : 1;
}
