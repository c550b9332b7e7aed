import FuzzSupport

// libFuzzer's own main also calls LLVMFuzzerTestOneInput (so it must exist), but SwiftPM makes this file the entry point.
runFuzzer { fuzzJSONParser($0, $1) }
