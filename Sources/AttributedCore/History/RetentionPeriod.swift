/// `--history-retention`: how long changes are kept, as `90d`, `12h`, `30m` or seconds (`3600`, `3600s`).
public enum RetentionPeriod {
    public static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        var digits = Substring(text)
        var unit = 1.0
        if let last = digits.last, let factor = units[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let value = Int(digits), value > 0 else { return nil }
        return Double(value) * unit
    }
}
