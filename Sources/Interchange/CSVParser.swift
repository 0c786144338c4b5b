/// An RFC 4180 CSV parser over UTF-8 bytes that is fed chunk by chunk.
///
/// Quoted cells may hold the delimiter, doubled quotes and line breaks (a clerk's cell
/// "天宁镇（岭底⏎片区）" arrives that way). Lines may end in LF, CRLF or CR. Records are handed
/// out as soon as they are complete, so a file of any size is read in constant memory.
struct CSVParser {
    /// A complete record: its 1-based number (the header is 1) and its cells.
    struct Record {
        var number: Int
        var firstLine: Int
        var cells: [String]
    }

    /// The delimiter; decided from the first line when nil.
    private(set) var delimiter: UInt8?
    private var cells: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldWasQuoted = false
    private var lastWasCR = false
    private var recordNumber = 0
    private var line = 1
    private var recordFirstLine = 1
    private var headerProbe: [UInt8] = []

    init(delimiter: UInt8? = nil) {
        self.delimiter = delimiter
    }

    /// True while a quoted cell is open (an unterminated quote at the end of the file).
    var isInsideQuotes: Bool { inQuotes }
    /// The line where the record being read started.
    var currentRecordFirstLine: Int { recordFirstLine }
    var recordsSoFar: Int { recordNumber }

    /// Feeds bytes; calls `emit` for each completed record.
    mutating func feed(_ bytes: [UInt8], emit: (Record) throws -> Void) rethrows {
        if delimiter == nil {
            headerProbe += bytes
            guard let end = Self.endOfFirstLine(headerProbe) else { return }
            delimiter = Self.chooseDelimiter(headerProbe[..<end])
            let buffered = headerProbe
            headerProbe = []
            try consume(buffered[...], emit: emit)
            return
        }
        try consume(bytes[...], emit: emit)
    }

    /// Ends the input; emits the last record if the file does not end with a line break.
    mutating func finish(emit: (Record) throws -> Void) rethrows {
        if delimiter == nil {
            delimiter = Self.chooseDelimiter(headerProbe[...])
            let buffered = headerProbe
            headerProbe = []
            try consume(buffered[...], emit: emit)
        }
        if !field.isEmpty || !cells.isEmpty || fieldWasQuoted {
            try endRecord(emit: emit)
        }
    }

    private mutating func consume(_ bytes: ArraySlice<UInt8>, emit: (Record) throws -> Void) rethrows {
        let delimiter = self.delimiter ?? UInt8(ascii: ",")
        for byte in bytes {
            if lastWasCR {
                lastWasCR = false
                if byte == 0x0A { continue }
            }
            if inQuotes {
                if byte == 0x22 {
                    inQuotes = false
                    quoteJustClosed = true
                } else {
                    if byte == 0x0A || byte == 0x0D { line += 1 }
                    if byte == 0x0D {
                        lastWasCR = true
                        field.append(0x0A)
                        continue
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22:
                if quoteJustClosed {
                    field.append(0x22)
                    inQuotes = true
                    quoteJustClosed = false
                } else if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                } else {
                    field.append(byte)
                }
            case delimiter:
                endField()
            case 0x0A, 0x0D:
                lastWasCR = byte == 0x0D
                try endRecord(emit: emit)
                line += 1
                recordFirstLine = line
            default:
                quoteJustClosed = false
                field.append(byte)
            }
        }
    }

    private mutating func endField() {
        cells.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        quoteJustClosed = false
    }

    private mutating func endRecord(emit: (Record) throws -> Void) rethrows {
        endField()
        recordNumber += 1
        let record = Record(number: recordNumber, firstLine: recordFirstLine, cells: cells)
        cells.removeAll(keepingCapacity: true)
        try emit(record)
    }

    static func endOfFirstLine(_ bytes: [UInt8]) -> Int? {
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { return index }
        }
        return nil
    }

    /// Tab when the header line has more tabs than commas outside quotes, else comma.
    static func chooseDelimiter(_ line: ArraySlice<UInt8>) -> UInt8 {
        var quoted = false
        var commas = 0
        var tabs = 0
        for byte in line {
            switch byte {
            case 0x22: quoted.toggle()
            case UInt8(ascii: ",") where !quoted: commas += 1
            case 0x09 where !quoted: tabs += 1
            default: break
            }
        }
        return tabs > commas ? 0x09 : UInt8(ascii: ",")
    }
}
