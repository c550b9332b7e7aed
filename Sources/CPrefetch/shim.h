#pragma once

// Swift has no prefetch: a hint that the bytes at `address` will be read soon, so that a cache miss starts now.
static inline void CPrefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
