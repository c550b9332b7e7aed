// Only a header: LLVMFuzzerRunDriver is defined by libFuzzer.
