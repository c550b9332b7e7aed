import CFuzzerDriver
import Foundation

public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// The main of a fuzz target. SwiftPM links every executable with its module's own `main` (renamed so that tests
/// can link it), so libFuzzer's `main` is never the entry point: this one hands the command line to libFuzzer.
public func runFuzzer(_ test: FuzzTest) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
