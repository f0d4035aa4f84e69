/* The sample-like cycle document the OOM and storage-fault tests drive
 * (Art. 13, 15, 17; R8: "R" won in 2017 and is a re-winner; R19: A has a
 * trade-secret note; B is ineligible; C is an individual with stage scores). */
#ifndef QA_TEST_SAMPLE_CYCLE_H
#define QA_TEST_SAMPLE_CYCLE_H

#define SAMPLE_CYCLE_DOC \
    "{\"format\":\"qaward-cycle/1\",\"cycle\":{\"id\":\"2025\",\"decision_date\":\"2025-12-18\"}," \
    "\"policy\":\"jian-2023\",\"review_rules\":\"jian-2025-example\"," \
    "\"history\":{\"awards\":[{\"subject_id\":\"R\",\"level\":\"award\",\"kind\":\"organization\"," \
    "\"award_date\":\"2017-12-20\",\"prize_fen\":50000000}]}," \
    "\"candidates\":[" \
    "{\"id\":\"A\",\"name\":\"甲公司\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"composite\":850.00," \
    "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12}," \
    "\"notes\":[{\"key\":\"k\",\"value\":\"v\",\"trade_secret\":true}]}," \
    "{\"id\":\"R\",\"kind\":\"organization\",\"verdict\":\"eligible\",\"composite\":800.00," \
    "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12}}," \
    "{\"id\":\"B\",\"kind\":\"organization\",\"verdict\":\"ineligible\"," \
    "\"reasons\":[{\"rule_id\":\"art20\",\"citation\":\"第二十条\",\"zh\":\"禁\",\"en\":\"banned\"}]}," \
    "{\"id\":\"C\",\"kind\":\"individual\",\"verdict\":\"eligible\",\"stages\":{\"material\":80.00,\"site\":75.00}," \
    "\"vote\":{\"for\":9,\"against\":1,\"abstain\":0,\"present\":10,\"members\":12}}]}"

#endif
