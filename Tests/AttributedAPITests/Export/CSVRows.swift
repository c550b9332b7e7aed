/// Reads RFC 4180 CSV back into rows of cells (quoted cells, doubled quotes, CRLF row ends), to check what the
/// exports write; fails on anything else (a bare LF outside quotes, text after a closing quote).
enum CSVRows {
    struct Malformed: Error {}

    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var index = 0
        var quoted = false
        func endCell() { row.append(String(decoding: cell, as: UTF8.self)); cell = [] }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        // A closing quote ends the cell: a comma or the row's CR comes next.
                        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ",") || bytes[index + 1] == 13 else {
                            throw Malformed()
                        }
                    }
                } else {
                    cell.append(byte)
                }
            } else if byte == UInt8(ascii: "\""), cell.isEmpty {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                endCell()
            } else if byte == 13 {
                guard index + 1 < bytes.count, bytes[index + 1] == 10 else { throw Malformed() }
                endCell()
                rows.append(row)
                row = []
                index += 1
            } else if byte == 10 || byte == UInt8(ascii: "\"") {
                throw Malformed()
            } else {
                cell.append(byte)
            }
            index += 1
        }
        guard !quoted, cell.isEmpty, row.isEmpty else { throw Malformed() }  // every row ends with CRLF
        return rows
    }
}
