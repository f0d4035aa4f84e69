/* Issue 7.2: every public call under a failing allocator returns OK or ENOMEM,
 * never crashes, never leaks. Each module adds its scenarios here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "oom.h"
#include "json.h"

static int scenario_json(qaward_ctx *ctx)
{
    static const char text[] = "{\"a\":[1,2,{\"b\":\"c\\u00e9\"}],\"d\":\"2025-04-01\"}";
    qj_doc *doc;
    int rc = qj_parse(&doc, ctx, text, sizeof text - 1, "oom");
    if (rc)
        return rc;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_kstr(&w, "b", qj_get(&qj_get(qj_root(doc), "a")->items[2], "b")->str);
    qw_obj_end(&w);
    char *out;
    rc = qw_finish(&w, &out, NULL);
    qj_free(doc);
    if (rc)
        return rc;
    qaward_string_free(ctx, out);
    return 0;
}

static void json_layer_survives_every_failing_allocation(void **state)
{
    (void)state;
    assert_true(oom_run("json", scenario_json) >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_layer_survives_every_failing_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
