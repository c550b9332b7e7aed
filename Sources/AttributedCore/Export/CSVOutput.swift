/// Appends CSV rows (RFC 4180) straight into a byte buffer: cells separated by commas, rows ended by CRLF, a cell
/// quoted when it holds a comma, a quote, CR or LF (its quotes doubled).
///
/// A cell that begins with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`: spreadsheets would otherwise run it
/// as a formula (OWASP "CSV injection"), and exported text is quoted from the articles, so anyone can write one.
struct CSVOutput {
    var bytes: [UInt8]
    private var rowStarted = false

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func cell(utf8: UnsafeBufferPointer<UInt8>) {
        startCell()
        let neutralised = utf8.first.map(Self.startsFormula) ?? false
        let quoted = utf8.contains(where: Self.needsQuotes)
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if neutralised { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func cell(_ value: String) {
        var value = value
        value.withUTF8 { cell(utf8: $0) }
    }

    /// An absent value is an empty cell.
    mutating func cell(_ value: String?) { cell(value ?? "") }

    mutating func cell(_ value: Int) { cell(String(value)) }

    /// Several values in one cell, joined by ` | ` (nothing in them is escaped: a `|` inside a value stays as is).
    mutating func cell(joining values: some Sequence<String>) { cell(values.joined(separator: Self.listSeparator)) }

    static let listSeparator = " | "

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        rowStarted = false
    }

    /// The header: the columns' names, one row.
    mutating func header(_ columns: [String]) {
        for column in columns { cell(column) }
        endRow()
    }

    private mutating func startCell() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
    }
}
