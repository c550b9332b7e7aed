extension AdmittingCache<[UInt8]> {
    /// Appends the body of `ordinal`, from the cache or by `render` (kept when the cache admits it).
    func write(_ ordinal: Int, into output: inout JSONOutput, render: (inout JSONOutput) -> Void) {
        switch lookup(UInt64(ordinal)) {
        case .hit(let body): output.raw(body)
        case .miss(admit: false): render(&output)
        case .miss(admit: true):
            let start = output.count
            render(&output)
            store(output.withBytes { Array($0[start...]) }, for: UInt64(ordinal))
        }
    }
}
