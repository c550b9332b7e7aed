#pragma once
#include <stddef.h>

// glibc's memmem, which Swift's Glibc module leaves out (it is declared only under _GNU_SOURCE).
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

// The first occurrence of `needle` in `haystack`, or NULL.
static inline const void *CStringSearch_memmem(const void *haystack, size_t haystacklen, const void *needle,
                                               size_t needlelen) {
    return memmem(haystack, haystacklen, needle, needlelen);
}
