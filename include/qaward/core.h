/**
 * @file core.h
 * @brief Version, status codes, allocator and context.
 *
 * Every fallible call returns an `int`: ::QAWARD_OK (0) or a negative
 * ::qaward_status code. Codes are append-only and never renumbered. The
 * detailed message of the last failure lives on the ::qaward_ctx passed to
 * the call (never in a global or thread-local).
 *
 * A NULL context: the context functions below say what each does with one;
 * any other call that takes a ::qaward_ctx returns ::QAWARD_EINVAL when it
 * is NULL (there is nowhere to put the message and no allocator), except
 * the lookups and setters whose header says their context only carries the
 * message (date.h, policy.h, procedure.h, review.h, scoring.h, subject.h):
 * those return the same status with a NULL context as with one, and leave
 * no message.
 *
 * Thread-safety: a context is used by one thread at a time; policies are
 * immutable after loading and may be shared across threads.
 */
#ifndef QAWARD_CORE_H
#define QAWARD_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(QAWARD_BUILDING) && defined(__GNUC__) && __GNUC__ >= 4
#define QAWARD_API __attribute__((visibility("default")))
#else
#define QAWARD_API
#endif
/** @endcond */

/** Major version of the headers. */
#define QAWARD_VERSION_MAJOR 0
/** Minor version of the headers; the SONAME is `libqaward.so.0.<minor>`. */
#define QAWARD_VERSION_MINOR 1
/** Patch version of the headers. */
#define QAWARD_VERSION_PATCH 0
/** Version of the headers as a string. */
#define QAWARD_VERSION_STRING "0.1.0"
/** Version of the headers as major*10000 + minor*100 + patch. */
#define QAWARD_VERSION_NUMBER 100

/**
 * @brief Version of the linked library as a string (twin of ::QAWARD_VERSION_STRING).
 * @return a static string; never NULL. Thread-safe.
 */
QAWARD_API const char *qaward_version(void);

/**
 * @brief Version of the linked library as a number (twin of ::QAWARD_VERSION_NUMBER).
 * @return major*10000 + minor*100 + patch. Thread-safe.
 */
QAWARD_API int qaward_version_number(void);

/**
 * @brief Status codes. Append-only; values never change.
 *
 * A store or caller callback may return any negative value; it comes back
 * from the library call unchanged.
 */
typedef enum qaward_status {
    QAWARD_OK = 0,          /**< success */
    QAWARD_ENOMEM = -1,     /**< an allocation failed; nothing was changed */
    QAWARD_EINVAL = -2,     /**< invalid argument (NULL handle, bad enum, bad date) */
    QAWARD_EPARSE = -3,     /**< malformed text: JSON syntax or date syntax */
    QAWARD_ESCHEMA = -4,    /**< well-formed JSON that breaks its format (unknown field, wrong type, missing field) */
    QAWARD_ERANGE = -5,     /**< a number or date out of its allowed range, or inconsistent numbers */
    QAWARD_ENOPOLICY = -6,  /**< no policy in force on the date (R17) */
    QAWARD_ENOTFOUND = -7,  /**< a named thing (policy, subject, item, stage) does not exist */
    QAWARD_EEXISTS = -8,    /**< duplicate id, or a cycle already finalised */
    QAWARD_ESTATE = -9,     /**< an operation not allowed in the current state (illegal transition) */
    QAWARD_ENORULE = -10,   /**< a review rule needed by the computation is not set (R14) */
    QAWARD_ECALENDAR = -11, /**< a date outside the calendar's known years (R16) */
    QAWARD_EVERSION = -12,  /**< an options or callback struct has an unsupported version */
    QAWARD_EUSER = -13,     /**< a caller callback failed (used by the bindings for exceptions) */
    QAWARD_EBUFSIZE = -14,  /**< a caller-supplied buffer is too small */
    QAWARD_EINTERNAL = -15  /**< an internal invariant failed (a bug; please report) */
} qaward_status;

/**
 * @brief Short English description of a status code.
 * @param code a ::qaward_status value, or any other int.
 * @return a static string; unknown codes give "unknown error". Thread-safe.
 */
QAWARD_API const char *qaward_strerror(int code);

/** Version of ::qaward_allocator understood by this library. */
#define QAWARD_ALLOCATOR_VERSION 1

/**
 * @brief A caller-supplied allocator (zlib style, with an opaque pointer).
 *
 * All three functions must be set. They may be called from any thread that
 * uses an object allocated with them, so they must be thread-safe if objects
 * are shared (e.g. a policy freed on another thread).
 */
typedef struct qaward_allocator {
    uint32_t version;                                   /**< ::QAWARD_ALLOCATOR_VERSION */
    void *opaque;                                       /**< passed to every function */
    void *(*malloc_fn)(void *opaque, size_t size);      /**< like malloc */
    void *(*realloc_fn)(void *opaque, void *ptr, size_t size); /**< like realloc */
    void (*free_fn)(void *opaque, void *ptr);           /**< like free; NULL-safe */
} qaward_allocator;

/**
 * @brief Initialise an allocator struct to the C library's malloc/realloc/free.
 * @param alloc struct to fill.
 * @param version ::QAWARD_ALLOCATOR_VERSION.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL if @p alloc is NULL, ::QAWARD_EVERSION.
 */
QAWARD_API int qaward_allocator_init(qaward_allocator *alloc, uint32_t version);

/**
 * @brief A context: the allocator and the last error message.
 *
 * Pass a context to every fallible call. Use one context per thread.
 */
typedef struct qaward_ctx qaward_ctx;

/**
 * @brief Create a context.
 * @param[out] out receives the context; set to NULL on failure.
 * @param alloc allocator to copy, or NULL for malloc/realloc/free.
 * @return ::QAWARD_OK, ::QAWARD_EINVAL, ::QAWARD_EVERSION, ::QAWARD_ENOMEM.
 * Ownership: free with qaward_ctx_free().
 */
QAWARD_API int qaward_ctx_new(qaward_ctx **out, const qaward_allocator *alloc);

/**
 * @brief Free a context. NULL-safe.
 * @param ctx the context.
 */
QAWARD_API void qaward_ctx_free(qaward_ctx *ctx);

/**
 * @brief The detailed message of the last failed call on this context.
 * @param ctx the context (NULL gives "").
 * @return a string owned by the context, valid until the next call that uses
 *         it; "" when the last call succeeded.
 */
QAWARD_API const char *qaward_ctx_message(const qaward_ctx *ctx);

/**
 * @brief The status code of the last call on this context (0 after success).
 * @param ctx the context.
 * @return the code; ::QAWARD_EINVAL when @p ctx is NULL.
 */
QAWARD_API int qaward_ctx_status(const qaward_ctx *ctx);

/**
 * @brief A caller-supplied output sink for streamed documents (reports).
 *
 * Called with consecutive chunks of the output (not NUL-terminated).
 * @param userdata the pointer given with the sink.
 * @param data the chunk.
 * @param len its length in bytes (> 0).
 * @return 0 to continue, or a negative value to stop; the library returns that
 *         value unchanged.
 */
typedef int (*qaward_write_fn)(void *userdata, const char *data, size_t len);

/**
 * @brief Free a string or buffer the library returned through this context.
 * @param ctx the context whose allocator made it (NULL-safe: then nothing is freed).
 * @param p the string; NULL-safe.
 */
QAWARD_API void qaward_string_free(qaward_ctx *ctx, char *p);

#ifdef __cplusplus
}
#endif
#endif
