import FuzzSupport

// libFuzzer's own main also calls LLVMFuzzerTestOneInput (so it must exist), but SwiftPM makes this file the entry point.
_ = SeedService.api  // built before fuzzing, so that no input is charged for it
runFuzzer { fuzzDatasetLoader($0, $1) }
