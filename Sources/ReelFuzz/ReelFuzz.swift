import Foundation
import ReelFuzzTargets

/// The target `REEL_FUZZ_TARGET` names (``FuzzTarget``); `scripts/fuzz` sets it.
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["REEL_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("REEL_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// libFuzzer's entry point: one input for the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    target.run(UnsafeBufferPointer(start: start, count: count))
    return 0
}
