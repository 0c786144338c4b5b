/// A plain-text table with columns aligned for terminals, counting CJK characters as two cells wide.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(header: [String], alignments: [Alignment]) {
        precondition(header.count == alignments.count)
        self.header = header
        self.alignments = alignments
    }

    mutating func add(_ row: [String]) {
        precondition(row.count == header.count)
        rows.append(row)
    }

    /// The table as lines joined by "\n", columns separated by two spaces, no trailing spaces.
    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                return alignments[column] == .left ? cell + padding : padding + cell
            }.joined(separator: "  ").replacingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

/// Terminal display width: East Asian wide and full-width characters take two cells.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
