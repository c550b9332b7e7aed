#include <stddef.h>
#include <stdint.h>

// libFuzzer's own driver (compiler-rt, linked by -sanitize=fuzzer): parses the fuzzer's flags and runs it with the
// given test function. Called from each fuzz target's main, because SwiftPM gives an executable its own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
