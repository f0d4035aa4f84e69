/* store: the history collector, record inits, and the in-memory store with
 * transactions and real rollback (DESIGN part B, "storage by callback"). */
#include "store_int.h"
#include <stdio.h>

/* ---- records and table ---------------------------------------------------------- */
int qaward_award_record_init(qaward_award_record *rec, uint32_t version)
{
    if (!rec)
        return QAWARD_EINVAL;
    if (version != QAWARD_AWARD_RECORD_VERSION)
        return QAWARD_EVERSION;
    memset(rec, 0, sizeof *rec);
    rec->version = version;
    return QAWARD_OK;
}

int qaward_sanction_record_init(qaward_sanction_record *rec, uint32_t version)
{
    if (!rec)
        return QAWARD_EINVAL;
    if (version != QAWARD_SANCTION_RECORD_VERSION)
        return QAWARD_EVERSION;
    memset(rec, 0, sizeof *rec);
    rec->version = version;
    return QAWARD_OK;
}

int qaward_store_init(qaward_store *store, uint32_t version)
{
    if (!store)
        return QAWARD_EINVAL;
    if (version != QAWARD_STORE_VERSION)
        return QAWARD_EVERSION;
    memset(store, 0, sizeof *store);
    store->version = version;
    return QAWARD_OK;
}

static int date_ok_or_none(qaward_date d) { return d == QAWARD_DATE_NONE || qaward_date_valid(d); }

static int award_valid(const qaward_award_record *r)
{
    if (!r)
        return QAWARD_EINVAL;
    if (r->version != QAWARD_AWARD_RECORD_VERSION)
        return QAWARD_EVERSION;
    if (!r->subject_id || !*r->subject_id || !r->level || !*r->level || !r->kind || !*r->kind ||
        !qaward_date_valid(r->award_date) || !date_ok_or_none(r->revoked_on) ||
        (r->revoked_on && r->revoked_on < r->award_date) || r->prize_fen < 0 || (r->re_win != 0 && r->re_win != 1))
        return QAWARD_EINVAL;
    return QAWARD_OK;
}

static int sanction_valid(const qaward_sanction_record *r)
{
    if (!r)
        return QAWARD_EINVAL;
    if (r->version != QAWARD_SANCTION_RECORD_VERSION)
        return QAWARD_EVERSION;
    if (!r->subject_id || !*r->subject_id || !r->kind || !*r->kind || !qaward_date_valid(r->decided_on) ||
        !date_ok_or_none(r->ban_from) || !date_ok_or_none(r->ban_until) || !date_ok_or_none(r->revokes_award_date) ||
        ((r->ban_from == QAWARD_DATE_NONE) != (r->ban_until == QAWARD_DATE_NONE)) ||
        (r->ban_from && r->ban_until < r->ban_from))
        return QAWARD_EINVAL;
    return QAWARD_OK;
}

/* Copy strings of a record into an arena. */
static int copy_award(qa_arena *a, qaward_award_record *dst, const qaward_award_record *src)
{
    *dst = *src;
    dst->subject_id = qa_arena_strdup(a, src->subject_id);
    dst->level = qa_arena_strdup(a, src->level);
    dst->kind = qa_arena_strdup(a, src->kind);
    dst->cycle_id = src->cycle_id ? qa_arena_strdup(a, src->cycle_id) : NULL;
    return dst->subject_id && dst->level && dst->kind && (!src->cycle_id || dst->cycle_id) ? 0 : QAWARD_ENOMEM;
}

static int copy_sanction(qa_arena *a, qaward_sanction_record *dst, const qaward_sanction_record *src)
{
    *dst = *src;
    dst->subject_id = qa_arena_strdup(a, src->subject_id);
    dst->kind = qa_arena_strdup(a, src->kind);
    dst->citation = src->citation ? qa_arena_strdup(a, src->citation) : NULL;
    return dst->subject_id && dst->kind && (!src->citation || dst->citation) ? 0 : QAWARD_ENOMEM;
}

static int agrow(const qaward_allocator *al, void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 8;
    while (nc < need)
        nc *= 2;
    if (nc > SIZE_MAX / size)
        return QAWARD_ENOMEM;
    void *p = qa_arealloc(al, *arr, nc * size);
    if (!p)
        return QAWARD_ENOMEM;
    *arr = p;
    *cap = nc;
    return 0;
}

/* ---- history collector ----------------------------------------------------------- */
void qa_history_init(qaward_history *h, const qaward_allocator *alloc)
{
    memset(h, 0, sizeof *h);
    h->alloc = *alloc;
    qa_arena_init(&h->arena, alloc);
}

void qa_history_reset(qaward_history *h)
{
    h->n_awards = h->n_sanctions = 0;
    qa_arena_reset(&h->arena);
}

void qa_history_free(qaward_history *h)
{
    qa_afree(&h->alloc, h->awards);
    qa_afree(&h->alloc, h->sanctions);
    qa_arena_free(&h->arena);
    memset(h, 0, sizeof *h);
}

int qaward_history_add_award(qaward_history *h, const qaward_award_record *rec)
{
    if (!h)
        return QAWARD_EINVAL;
    int rc = award_valid(rec);
    if (rc)
        return rc;
    if (agrow(&h->alloc, (void **)&h->awards, &h->cap_awards, h->n_awards + 1, sizeof *h->awards) ||
        copy_award(&h->arena, &h->awards[h->n_awards], rec))
        return QAWARD_ENOMEM;
    h->n_awards++;
    return QAWARD_OK;
}

int qaward_history_add_sanction(qaward_history *h, const qaward_sanction_record *rec)
{
    if (!h)
        return QAWARD_EINVAL;
    int rc = sanction_valid(rec);
    if (rc)
        return rc;
    if (agrow(&h->alloc, (void **)&h->sanctions, &h->cap_sanctions, h->n_sanctions + 1, sizeof *h->sanctions) ||
        copy_sanction(&h->arena, &h->sanctions[h->n_sanctions], rec))
        return QAWARD_ENOMEM;
    h->n_sanctions++;
    return QAWARD_OK;
}

int qa_history_read(qaward_history *h, qaward_ctx *ctx, const qaward_store *store, const char *subject_id)
{
    qa_history_reset(h);
    if (!store || !store->read_fn)
        return QAWARD_OK;
    if (store->version != QAWARD_STORE_VERSION)
        return qa_error(ctx, QAWARD_EVERSION, "store: version %u is not %u", (unsigned)store->version,
                        (unsigned)QAWARD_STORE_VERSION);
    int rc = store->read_fn(store->userdata, subject_id, h);
    if (rc < 0) {
        qa_history_reset(h);
        return qa_error(ctx, rc, "store read_fn failed for subject \"%.60s\" (returned %d)", subject_id, rc);
    }
    return QAWARD_OK;
}

/* ---- in-memory store --------------------------------------------------------------- */
typedef struct ms_slot {
    const char *id;       /* NULL = empty */
    uint64_t h;           /* hash of id */
    size_t a_head, a_tail; /* award index + 1, 0 = none */
    size_t s_head, s_tail;
} ms_slot;

typedef struct ms_undo {
    size_t award;         /* index of a revoked award */
    qaward_date old;
} ms_undo;

struct qaward_memstore {
    qaward_allocator alloc;
    qa_arena strings;
    qaward_award_record *awards;       size_t n_awards, cap_awards;
    size_t *a_next;                    /* next award of the same subject, index + 1 */
    qaward_sanction_record *sanctions; size_t n_sanctions, cap_sanctions;
    size_t *s_next;
    const char **cycles;               size_t n_cycles, cap_cycles; /* finalised cycle ids */
    ms_slot *slots;                    size_t n_slots, used_slots;
    uint64_t *bits;                    /* blocked Bloom filter, 8 bits per slot, 3 set per id in one word:
                                          most subjects without history miss here */
    int in_tx;
    size_t tx_awards, tx_sanctions, tx_cycles;
    ms_undo *undo;                     size_t n_undo, cap_undo;
};

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return h;
}

/* The filter of an id hash: one word of the n_slots / 8 words, three bits in it.
 * FNV-1a of similar ids ("org-000123") is poorly spread in its high bits, so
 * it is mixed first (murmur3's finaliser). */
static uint64_t fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h;
}
static size_t fword(uint64_t x, size_t n_slots) { return (size_t)x & (n_slots / 8 - 1); }
static uint64_t fbits(uint64_t x)
{
    return UINT64_C(1) << (x >> 40 & 63) | UINT64_C(1) << (x >> 46 & 63) | UINT64_C(1) << (x >> 52 & 63);
}
static int fhas(const qaward_memstore *ms, uint64_t h)
{
    uint64_t x = fmix(h), b = fbits(x);
    return (ms->bits[fword(x, ms->n_slots)] & b) == b;
}

static ms_slot *ms_find_h(const qaward_memstore *ms, const char *id, uint64_t full);

static ms_slot *ms_find(const qaward_memstore *ms, const char *id)
{
    return ms->n_slots ? ms_find_h(ms, id, fnv(id)) : NULL;
}

static ms_slot *ms_find_h(const qaward_memstore *ms, const char *id, uint64_t full)
{
    if (!ms->n_slots)
        return NULL;
    if (!fhas(ms, full))
        return NULL;
    size_t m = ms->n_slots - 1, h = (size_t)full & m;
    while (ms->slots[h].id) {
        if (ms->slots[h].h == full && strcmp(ms->slots[h].id, id) == 0)
            return &ms->slots[h];
        h = (h + 1) & m;
    }
    return NULL;
}

static ms_slot *ms_slot_for(qaward_memstore *ms, const char *id);

/* Appends record i to a subject's chain: head, tail and next hold index + 1, 0 = none. */
static void ms_link(size_t *next, size_t *head, size_t *tail, size_t i)
{
    next[i] = 0;
    if (*tail)
        next[*tail - 1] = i + 1;
    else
        *head = i + 1;
    *tail = i + 1;
}

static int ms_rehash(qaward_memstore *ms, size_t n_slots)
{
    ms_slot *ns = qa_acalloc(&ms->alloc, n_slots, sizeof *ns);
    uint64_t *nb = qa_acalloc(&ms->alloc, n_slots / 8, sizeof *nb); /* n_slots >= 64, a power of 2 */
    if (!ns || !nb) {
        qa_afree(&ms->alloc, ns);
        qa_afree(&ms->alloc, nb);
        return QAWARD_ENOMEM;
    }
    qa_afree(&ms->alloc, ms->slots);
    qa_afree(&ms->alloc, ms->bits);
    ms->bits = nb;
    ms->slots = ns;
    ms->n_slots = n_slots;
    ms->used_slots = 0;
    for (size_t i = 0; i < ms->n_awards; i++) {
        ms_slot *s = ms_slot_for(ms, ms->awards[i].subject_id);
        ms_link(ms->a_next, &s->a_head, &s->a_tail, i);
    }
    for (size_t i = 0; i < ms->n_sanctions; i++) {
        ms_slot *s = ms_slot_for(ms, ms->sanctions[i].subject_id);
        ms_link(ms->s_next, &s->s_head, &s->s_tail, i);
    }
    return 0;
}

/* Slot for id, created if absent; the table has room (load <= 1/2). */
static ms_slot *ms_slot_for(qaward_memstore *ms, const char *id)
{
    uint64_t full = fnv(id);
    size_t m = ms->n_slots - 1, h = (size_t)full & m;
    while (ms->slots[h].id) {
        if (ms->slots[h].h == full && strcmp(ms->slots[h].id, id) == 0)
            return &ms->slots[h];
        h = (h + 1) & m;
    }
    ms->slots[h].id = id;
    ms->slots[h].h = full;
    ms->used_slots++;
    uint64_t x = fmix(full);
    ms->bits[fword(x, ms->n_slots)] |= fbits(x);
    return &ms->slots[h];
}

static int ms_room(qaward_memstore *ms)
{
    if ((ms->used_slots + 1) * 2 <= ms->n_slots)
        return 0;
    return ms_rehash(ms, ms->n_slots ? ms->n_slots * 2 : 64);
}

/* Room for record n in a record array (elements of `size` bytes) and its link
 * array. When the link array cannot follow, the capacity goes back to what
 * it was: it must never exceed the link array's length, and the next add
 * grows both. */
static int ms_grow(qaward_memstore *ms, void **recs, size_t *cap, size_t **next, size_t n, size_t size)
{
    size_t old = *cap;
    if (agrow(&ms->alloc, recs, cap, n + 1, size))
        return QAWARD_ENOMEM;
    if (old != *cap) {
        size_t *nn = qa_arealloc(&ms->alloc, *next, *cap * sizeof *nn);
        if (!nn) {
            *cap = old; /* keep the link array as long as the capacity says, so the next add grows both */
            return QAWARD_ENOMEM;
        }
        *next = nn;
    }
    return 0;
}

static int ms_add_award(qaward_memstore *ms, const qaward_award_record *rec)
{
    int rc = award_valid(rec);
    if (rc)
        return rc;
    if (ms_grow(ms, (void **)&ms->awards, &ms->cap_awards, &ms->a_next, ms->n_awards, sizeof *ms->awards) ||
        ms_room(ms) || copy_award(&ms->strings, &ms->awards[ms->n_awards], rec))
        return QAWARD_ENOMEM;
    size_t i = ms->n_awards++;
    ms_slot *s = ms_slot_for(ms, ms->awards[i].subject_id);
    ms_link(ms->a_next, &s->a_head, &s->a_tail, i);
    return 0;
}

static int ms_add_sanction(qaward_memstore *ms, const qaward_sanction_record *rec)
{
    int rc = sanction_valid(rec);
    if (rc)
        return rc;
    if (ms_grow(ms, (void **)&ms->sanctions, &ms->cap_sanctions, &ms->s_next, ms->n_sanctions, sizeof *ms->sanctions) ||
        ms_room(ms) || copy_sanction(&ms->strings, &ms->sanctions[ms->n_sanctions], rec))
        return QAWARD_ENOMEM;
    size_t i = ms->n_sanctions++;
    ms_slot *s = ms_slot_for(ms, ms->sanctions[i].subject_id);
    ms_link(ms->s_next, &s->s_head, &s->s_tail, i);
    return 0;
}

static int ms_cycle_index(const qaward_memstore *ms, const char *cycle_id)
{
    for (size_t i = 0; i < ms->n_cycles; i++)
        if (strcmp(ms->cycles[i], cycle_id) == 0)
            return (int)i;
    return -1;
}

static int ms_mark_cycle(qaward_memstore *ms, const char *cycle_id)
{
    if (!cycle_id || ms_cycle_index(ms, cycle_id) >= 0)
        return 0;
    if (agrow(&ms->alloc, (void **)&ms->cycles, &ms->cap_cycles, ms->n_cycles + 1, sizeof *ms->cycles))
        return QAWARD_ENOMEM;
    const char *c = qa_arena_strdup(&ms->strings, cycle_id);
    if (!c)
        return QAWARD_ENOMEM;
    ms->cycles[ms->n_cycles++] = c;
    return 0;
}

/* Truncate to the given counts, undo revocations, rebuild the index. */
static void ms_restore(qaward_memstore *ms, size_t n_awards, size_t n_sanctions, size_t n_cycles)
{
    while (ms->n_undo > 0) {
        ms_undo *u = &ms->undo[--ms->n_undo];
        if (u->award < ms->n_awards)
            ms->awards[u->award].revoked_on = u->old;
    }
    ms->n_awards = n_awards;
    ms->n_sanctions = n_sanctions;
    ms->n_cycles = n_cycles;
    if (ms->n_slots)
        (void)ms_rehash(ms, ms->n_slots); /* same size: on OOM the old table is kept (stale but safe) */
}

int qaward_memstore_new(qaward_memstore **out, qaward_ctx *ctx)
{
    if (!out)
        return qa_error(ctx, QAWARD_EINVAL, "memstore_new: out is NULL");
    *out = NULL;
    if (!ctx)
        return QAWARD_EINVAL;
    qaward_memstore *ms = qa_calloc(ctx, 1, sizeof *ms);
    if (!ms)
        return QAWARD_ENOMEM;
    ms->alloc = ctx->alloc;
    qa_arena_init(&ms->strings, &ctx->alloc);
    *out = ms;
    qa_ok(ctx);
    return QAWARD_OK;
}

void qaward_memstore_free(qaward_memstore *ms)
{
    if (!ms)
        return;
    qaward_allocator a = ms->alloc;
    qa_arena_free(&ms->strings);
    qa_afree(&a, ms->awards);
    qa_afree(&a, ms->a_next);
    qa_afree(&a, ms->sanctions);
    qa_afree(&a, ms->s_next);
    qa_afree(&a, ms->cycles);
    qa_afree(&a, ms->slots);
    qa_afree(&a, ms->bits);
    qa_afree(&a, ms->undo);
    qa_afree(&a, ms);
}

/* Callbacks. */
static int cb_read(void *ud, const char *subject_id, qaward_history *out)
{
    const qaward_memstore *ms = ud;
    if (!subject_id || !out)
        return QAWARD_EINVAL;
    const ms_slot *s = ms_find(ms, subject_id);
    if (!s)
        return 0;
    for (size_t i = s->a_head; i; i = ms->a_next[i - 1]) {
        int rc = qaward_history_add_award(out, &ms->awards[i - 1]);
        if (rc)
            return rc;
    }
    for (size_t i = s->s_head; i; i = ms->s_next[i - 1]) {
        int rc = qaward_history_add_sanction(out, &ms->sanctions[i - 1]);
        if (rc)
            return rc;
    }
    return 0;
}

int qa_store_may_have(const qaward_store *store, uint64_t id_h)
{
    if (!store || !store->read_fn)
        return 0;
    if (store->read_fn != cb_read)
        return 1; /* another store: only its read_fn knows */
    const qaward_memstore *ms = store->userdata;
    if (!ms->n_slots)
        return 0;
    return fhas(ms, id_h);
}

void qa_store_prefetch(const qaward_store *store, uint64_t id_h)
{
#if defined(__GNUC__)
    if (store && store->read_fn == cb_read) {
        const qaward_memstore *ms = store->userdata;
        if (ms->n_slots)
            __builtin_prefetch(&ms->bits[fword(fmix(id_h), ms->n_slots)]);
    }
#else
    (void)store;
    (void)id_h;
#endif
}

int qa_store_read_shallow(qaward_history *h, const qaward_store *store, const char *subject_id, uint64_t id_h)
{
    if (!store || store->read_fn != cb_read)
        return 1;
    const qaward_memstore *ms = store->userdata;
    qa_history_reset(h);
    const ms_slot *s = ms_find_h(ms, subject_id, id_h);
    if (!s)
        return 0;
    for (size_t i = s->a_head; i; i = ms->a_next[i - 1]) {
        if (agrow(&h->alloc, (void **)&h->awards, &h->cap_awards, h->n_awards + 1, sizeof *h->awards))
            return QAWARD_ENOMEM;
        h->awards[h->n_awards++] = ms->awards[i - 1];
    }
    for (size_t i = s->s_head; i; i = ms->s_next[i - 1]) {
        if (agrow(&h->alloc, (void **)&h->sanctions, &h->cap_sanctions, h->n_sanctions + 1, sizeof *h->sanctions))
            return QAWARD_ENOMEM;
        h->sanctions[h->n_sanctions++] = ms->sanctions[i - 1];
    }
    return 0;
}

static int cb_begin(void *ud)
{
    qaward_memstore *ms = ud;
    if (ms->in_tx)
        return QAWARD_ESTATE;
    ms->in_tx = 1;
    ms->tx_awards = ms->n_awards;
    ms->tx_sanctions = ms->n_sanctions;
    ms->tx_cycles = ms->n_cycles;
    ms->n_undo = 0;
    return 0;
}

static int cb_write_award(void *ud, const qaward_award_record *rec)
{
    qaward_memstore *ms = ud;
    if (!ms->in_tx)
        return QAWARD_ESTATE;
    int rc = ms_add_award(ms, rec);
    if (rc)
        return rc;
    return ms_mark_cycle(ms, rec->cycle_id); /* the cycle is finalised once its awards are written */
}

static int cb_write_sanction(void *ud, const qaward_sanction_record *rec)
{
    qaward_memstore *ms = ud;
    if (!ms->in_tx)
        return QAWARD_ESTATE;
    return ms_add_sanction(ms, rec);
}

static int cb_revoke(void *ud, const char *subject_id, qaward_date award_date, qaward_date revoked_on)
{
    qaward_memstore *ms = ud;
    if (!ms->in_tx)
        return QAWARD_ESTATE;
    if (!subject_id || !qaward_date_valid(award_date) || !qaward_date_valid(revoked_on) || revoked_on < award_date)
        return QAWARD_EINVAL;
    const ms_slot *s = ms_find(ms, subject_id);
    for (size_t i = s ? s->a_head : 0; i; i = ms->a_next[i - 1]) {
        qaward_award_record *a = &ms->awards[i - 1];
        if (a->award_date != award_date)
            continue;
        if (agrow(&ms->alloc, (void **)&ms->undo, &ms->cap_undo, ms->n_undo + 1, sizeof *ms->undo))
            return QAWARD_ENOMEM;
        ms->undo[ms->n_undo++] = (ms_undo){i - 1, a->revoked_on};
        a->revoked_on = revoked_on;
        return 0;
    }
    return QAWARD_ENOTFOUND;
}

static int cb_finalised(void *ud, const char *cycle_id, int *finalised)
{
    const qaward_memstore *ms = ud;
    if (!cycle_id || !finalised)
        return QAWARD_EINVAL;
    *finalised = ms_cycle_index(ms, cycle_id) >= 0;
    return 0;
}

static int cb_commit(void *ud)
{
    qaward_memstore *ms = ud;
    if (!ms->in_tx)
        return QAWARD_ESTATE;
    ms->in_tx = 0;
    ms->n_undo = 0;
    return 0;
}

static int cb_rollback(void *ud)
{
    qaward_memstore *ms = ud;
    if (!ms->in_tx)
        return QAWARD_ESTATE;
    ms_restore(ms, ms->tx_awards, ms->tx_sanctions, ms->tx_cycles);
    ms->in_tx = 0;
    return 0;
}

int qaward_memstore_as_store(qaward_store *out, qaward_memstore *ms)
{
    if (!out || !ms)
        return QAWARD_EINVAL;
    qaward_store_init(out, QAWARD_STORE_VERSION);
    out->userdata = ms;
    out->read_fn = cb_read;
    out->begin_fn = cb_begin;
    out->write_award_fn = cb_write_award;
    out->write_sanction_fn = cb_write_sanction;
    out->revoke_award_fn = cb_revoke;
    out->cycle_finalised_fn = cb_finalised;
    out->commit_fn = cb_commit;
    out->rollback_fn = cb_rollback;
    return QAWARD_OK;
}

static int direct_guard(qaward_memstore *ms, qaward_ctx *ctx, const void *rec, const char *fn)
{
    if (!ms || !rec)
        return qa_error(ctx, QAWARD_EINVAL, "%s: NULL store or record", fn);
    if (ms->in_tx)
        return qa_error(ctx, QAWARD_ESTATE, "%s: a transaction is open", fn);
    return 0;
}

int qaward_memstore_add_award(qaward_memstore *ms, qaward_ctx *ctx, const qaward_award_record *rec)
{
    int rc = direct_guard(ms, ctx, rec, "memstore_add_award");
    if (rc)
        return rc;
    rc = ms_add_award(ms, rec);
    if (rc == QAWARD_EINVAL)
        return qa_error(ctx, rc, "memstore_add_award: subject_id, level, kind and a valid award_date are required; "
                                 "revoked_on must be none or on/after award_date; prize_fen >= 0");
    if (rc)
        return qa_error(ctx, rc, "memstore_add_award: %s", qaward_strerror(rc));
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_memstore_add_sanction(qaward_memstore *ms, qaward_ctx *ctx, const qaward_sanction_record *rec)
{
    int rc = direct_guard(ms, ctx, rec, "memstore_add_sanction");
    if (rc)
        return rc;
    rc = ms_add_sanction(ms, rec);
    if (rc == QAWARD_EINVAL)
        return qa_error(ctx, rc, "memstore_add_sanction: subject_id, kind and a valid decided_on are required; "
                                 "ban_from and ban_until both set (from <= until) or both none");
    if (rc)
        return qa_error(ctx, rc, "memstore_add_sanction: %s", qaward_strerror(rc));
    qa_ok(ctx);
    return QAWARD_OK;
}

size_t qaward_memstore_award_count(const qaward_memstore *ms)
{
    return ms ? (ms->in_tx ? ms->tx_awards : ms->n_awards) : 0;
}

size_t qaward_memstore_sanction_count(const qaward_memstore *ms)
{
    return ms ? (ms->in_tx ? ms->tx_sanctions : ms->n_sanctions) : 0;
}

/* ---- JSON (kept here: the store owns its document format) ------------------------- */
#include "json.h"

static int load_doc(qaward_memstore *ms, qaward_ctx *ctx, const qj_value *root)
{
    static const char *const keys[] = {"awards", "sanctions", "finalised_cycles", NULL};
    int rc;
    if ((rc = qj_only_keys(ctx, root, "$", keys)))
        return rc;
    const qj_value *arr;
    if ((rc = qj_read_array(ctx, root, "$", "awards", 0, &arr)) < 0)
        return rc;
    for (size_t i = 0; rc == 0 && i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.awards", i);
        const qj_value *o = &arr->items[i];
        static const char *const ak[] = {"subject_id", "level", "kind", "cycle_id", "award_date", "revoked_on",
                                         "prize_fen", "re_win", NULL};
        qaward_award_record r;
        qaward_award_record_init(&r, QAWARD_AWARD_RECORD_VERSION);
        int64_t prize = 0;
        int rw = 0;
        if ((rc = qj_only_keys(ctx, o, ip.s, ak)) || (rc = qj_read_str(ctx, o, ip.s, "subject_id", 1, 1, &r.subject_id)) ||
            (rc = qj_read_str(ctx, o, ip.s, "level", 1, 1, &r.level)) ||
            (rc = qj_read_str(ctx, o, ip.s, "kind", 1, 1, &r.kind)) ||
            (rc = qj_read_str(ctx, o, ip.s, "cycle_id", 0, 1, &r.cycle_id)) < 0 ||
            (rc = qj_read_date(ctx, o, ip.s, "award_date", 1, &r.award_date)) ||
            (rc = qj_read_date(ctx, o, ip.s, "revoked_on", 0, &r.revoked_on)) < 0 ||
            (rc = qj_read_int(ctx, o, ip.s, "prize_fen", 0, 0, INT64_C(100000000000000), &prize)) < 0 ||
            (rc = qj_read_bool(ctx, o, ip.s, "re_win", 0, &rw)) < 0)
            return rc;
        r.prize_fen = prize;
        r.re_win = rw;
        if (r.revoked_on && r.revoked_on < r.award_date)
            return qa_error(ctx, QAWARD_ERANGE, "%s.revoked_on: before award_date (line %u, column %u)", ip.s,
                            (unsigned)o->line, (unsigned)o->col);
        if ((rc = ms_add_award(ms, &r)))
            return qa_error(ctx, rc, "%s: %s", ip.s, qaward_strerror(rc));
    }
    if ((rc = qj_read_array(ctx, root, "$", "sanctions", 0, &arr)) < 0)
        return rc;
    for (size_t i = 0; rc == 0 && i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.sanctions", i);
        const qj_value *o = &arr->items[i];
        static const char *const sk[] = {"subject_id", "kind", "decided_on", "ban_from", "ban_until",
                                         "revokes_award_date", "citation", NULL};
        qaward_sanction_record r;
        qaward_sanction_record_init(&r, QAWARD_SANCTION_RECORD_VERSION);
        if ((rc = qj_only_keys(ctx, o, ip.s, sk)) || (rc = qj_read_str(ctx, o, ip.s, "subject_id", 1, 1, &r.subject_id)) ||
            (rc = qj_read_str(ctx, o, ip.s, "kind", 1, 1, &r.kind)) ||
            (rc = qj_read_date(ctx, o, ip.s, "decided_on", 1, &r.decided_on)) ||
            (rc = qj_read_date(ctx, o, ip.s, "ban_from", 0, &r.ban_from)) < 0 ||
            (rc = qj_read_date(ctx, o, ip.s, "ban_until", 0, &r.ban_until)) < 0 ||
            (rc = qj_read_date(ctx, o, ip.s, "revokes_award_date", 0, &r.revokes_award_date)) < 0 ||
            (rc = qj_read_str(ctx, o, ip.s, "citation", 0, 0, &r.citation)) < 0)
            return rc;
        if ((r.ban_from == QAWARD_DATE_NONE) != (r.ban_until == QAWARD_DATE_NONE) ||
            (r.ban_from && r.ban_until < r.ban_from))
            return qa_error(ctx, QAWARD_ERANGE,
                            "%s: ban_from and ban_until must both be set (from <= until) or both absent (line %u, column %u)",
                            ip.s, (unsigned)o->line, (unsigned)o->col);
        if ((rc = ms_add_sanction(ms, &r)))
            return qa_error(ctx, rc, "%s: %s", ip.s, qaward_strerror(rc));
    }
    if ((rc = qj_read_array(ctx, root, "$", "finalised_cycles", 0, &arr)) < 0)
        return rc;
    for (size_t i = 0; rc == 0 && i < arr->len; i++) {
        qj_path ip;
        qj_path_index(&ip, "$.finalised_cycles", i);
        if (arr->items[i].type != QJ_STRING || arr->items[i].len == 0)
            return qa_error(ctx, QAWARD_ESCHEMA, "%s: expected a cycle id (line %u, column %u)", ip.s,
                            (unsigned)arr->items[i].line, (unsigned)arr->items[i].col);
        if ((rc = ms_mark_cycle(ms, arr->items[i].str)))
            return qa_error(ctx, rc, "out of memory");
    }
    return 0;
}

int qaward_memstore_load_json(qaward_memstore *ms, qaward_ctx *ctx, const char *json, size_t len)
{
    if (!ms || !json)
        return qa_error(ctx, QAWARD_EINVAL, "memstore_load_json: NULL store or json");
    if (!ctx)
        return QAWARD_EINVAL;
    if (ms->in_tx)
        return qa_error(ctx, QAWARD_ESTATE, "memstore_load_json: a transaction is open");
    qj_doc *doc;
    int rc = qj_parse(&doc, ctx, json, len, "history");
    if (rc)
        return rc;
    size_t na = ms->n_awards, ns = ms->n_sanctions, nc = ms->n_cycles;
    ms->n_undo = 0;
    rc = load_doc(ms, ctx, qj_root(doc));
    qj_free(doc);
    if (rc) {
        if (rc > 0)
            rc = QAWARD_EINTERNAL;
        ms_restore(ms, na, ns, nc); /* all or nothing */
        return rc;
    }
    qa_ok(ctx);
    return QAWARD_OK;
}

int qaward_memstore_to_json(char **out, const qaward_memstore *ms, qaward_ctx *ctx)
{
    if (!out || !ms || !ctx)
        return qa_error(ctx, QAWARD_EINVAL, "memstore_to_json: NULL argument");
    *out = NULL;
    size_t na = qaward_memstore_award_count(ms), ns = qaward_memstore_sanction_count(ms);
    size_t nc = ms->in_tx ? ms->tx_cycles : ms->n_cycles;
    qj_writer w;
    qw_init(&w, &ctx->alloc, 1);
    qw_obj_begin(&w);
    qw_key(&w, "awards");
    qw_arr_begin(&w);
    for (size_t i = 0; i < na; i++) {
        const qaward_award_record *r = &ms->awards[i];
        qw_obj_begin(&w);
        qw_kstr(&w, "subject_id", r->subject_id);
        qw_kstr(&w, "level", r->level);
        qw_kstr(&w, "kind", r->kind);
        if (r->cycle_id)
            qw_kstr(&w, "cycle_id", r->cycle_id);
        qw_kdate(&w, "award_date", r->award_date);
        if (r->revoked_on)
            qw_kdate(&w, "revoked_on", r->revoked_on);
        qw_kint(&w, "prize_fen", r->prize_fen);
        qw_kbool(&w, "re_win", r->re_win);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_key(&w, "sanctions");
    qw_arr_begin(&w);
    for (size_t i = 0; i < ns; i++) {
        const qaward_sanction_record *r = &ms->sanctions[i];
        qw_obj_begin(&w);
        qw_kstr(&w, "subject_id", r->subject_id);
        qw_kstr(&w, "kind", r->kind);
        qw_kdate(&w, "decided_on", r->decided_on);
        if (r->ban_from) {
            qw_kdate(&w, "ban_from", r->ban_from);
            qw_kdate(&w, "ban_until", r->ban_until);
        }
        if (r->revokes_award_date)
            qw_kdate(&w, "revokes_award_date", r->revokes_award_date);
        if (r->citation)
            qw_kstr(&w, "citation", r->citation);
        qw_obj_end(&w);
    }
    qw_arr_end(&w);
    qw_key(&w, "finalised_cycles");
    qw_arr_begin(&w);
    for (size_t i = 0; i < nc; i++)
        qw_str(&w, ms->cycles[i]);
    qw_arr_end(&w);
    qw_obj_end(&w);
    return qw_finish_ctx(&w, out, ctx, "out of memory");
}
