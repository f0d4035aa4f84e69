/* The cmocka group fixture shared by the cycle and integration tests: one
 * context and the two built-in policies (jian-2023, lakeside-2024), plus the
 * message check and the finding builder both use. Include after <cmocka.h>
 * and <qaward.h>, in one test file of a program. */
#ifndef QA_TEST_POLICY_FIXTURE_H
#define QA_TEST_POLICY_FIXTURE_H

static qaward_ctx *ctx;
static qaward_policy *jian, *lake;

static int setup(void **s)
{
    (void)s;
    if (qaward_ctx_new(&ctx, NULL))
        return -1;
    if (qaward_policy_builtin(&jian, ctx, "jian-2023") || qaward_policy_builtin(&lake, ctx, "lakeside-2024"))
        return -1;
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    qaward_policy_free(jian);
    qaward_policy_free(lake);
    qaward_ctx_free(ctx);
    return 0;
}

#define MSG_HAS(needle)                                                                                                \
    do {                                                                                                               \
        if (!strstr(qaward_ctx_message(ctx), needle))                                                                  \
            fail_msg("message \"%s\" lacks \"%s\"", qaward_ctx_message(ctx), needle);                                  \
    } while (0)

/* A finding of `kind` against subject `id` decided on d (Art. 20, 22). */
static void finding(qaward_finding *f, const char *id, const char *kind, qaward_date d)
{
    assert_int_equal(qaward_finding_init(f, QAWARD_FINDING_VERSION), 0);
    f->subject_id = id;
    f->kind = kind;
    f->decided_on = d;
}

#endif
