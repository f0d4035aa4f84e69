/* Internal calendar representation, shared by calendar.c and calendar_json.c. */
#ifndef QAWARD_CALENDAR_INT_H
#define QAWARD_CALENDAR_INT_H

#include "internal.h"
#include "qaward/calendar.h"

typedef struct qa_cal_block {
    char *name;
    qaward_date first, last;   /* closed interval of rest days */
} qa_cal_block;

typedef struct qa_cal_year {
    int32_t year;
    char *source;              /* the State Council notice, or "" */
    qa_cal_block *blocks;
    size_t nblocks;
    qaward_date *makeup;       /* 调休上班: weekend days that are working days */
    size_t nmakeup;
} qa_cal_year;

struct qaward_calendar {
    qaward_allocator alloc;
    int is_callback;
    qaward_calendar_callbacks cb;
    char *name;
    char *description;
    qa_cal_year *years;        /* ascending by year */
    size_t nyears;
    qaward_date *rest;         /* every holiday date, ascending, unique */
    size_t nrest;
    qaward_date *work;         /* every make-up working day, ascending, unique */
    size_t nwork;
};

/* Free the contents of one year. */
void qa_cal_year_clear(const qaward_allocator *a, qa_cal_year *y);
/* Add `add` years (taken over on success) to cal: checks duplicates and
 * holiday/make-up conflicts, rebuilds the indexes. All or nothing: on failure
 * cal is unchanged and the caller still owns `add`. */
int qa_cal_add_years(qaward_calendar *cal, qaward_ctx *ctx, qa_cal_year *add, size_t nadd, const char *what);

#endif
