import FuzzSupport

// libFuzzer's own main also calls LLVMFuzzerTestOneInput (so it must exist), but SwiftPM makes this file the entry point.
_ = SeedService.store  // loaded before fuzzing, so that no input is charged for it
runFuzzer { fuzzRouter($0, $1) }
