public import Localization

#if canImport(Glibc)
    import Glibc
#endif

/// The text encodings the county's files arrive in.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    /// GBK files are decoded as GB18030, which contains GBK.
    case gb18030 = "GBK/GB18030"
}

/// Raised when bytes cannot be read as UTF-8 or GBK/GB18030.
public struct EncodingFailure: Error, Sendable {
    /// 1-based line where the undecodable bytes start.
    public let line: Int
    public let message: Localized
}

/// Turns a file's bytes, chunk by chunk, into UTF-8 bytes.
///
/// The encoding is chosen from the bytes: a UTF-8 BOM or valid UTF-8 means UTF-8; otherwise
/// GB18030 (which contains GBK) is tried through glibc `iconv`. UTF-16 and binary files are
/// refused. While only ASCII has been seen the choice stays open, so a file whose first
/// megabyte is ASCII and whose later rows are GBK is still read correctly.
public struct StreamingTextDecoder {
    public private(set) var encoding: SourceEncoding?
    private var pending: [UInt8] = []
    private var sawNonASCII = false
    private var started = false
    private var linesSoFar = 1
    private var converter: GB18030Converter?

    public init() {}

    /// Decodes the next chunk; returns UTF-8 bytes (possibly fewer than given, if a character
    /// is split across chunks). Pass `isLast: true` with the final chunk.
    public mutating func decode(_ chunk: [UInt8], isLast: Bool) throws(EncodingFailure) -> [UInt8] {
        var bytes = pending + chunk
        pending = []
        if !started {
            started = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                encoding = .utf8BOM
                bytes.removeFirst(3)
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw EncodingFailure(line: 1, message: L10n.message(.encodingUTF16))
            }
        }
        if let zero = bytes.firstIndex(of: 0) {
            throw EncodingFailure(line: linesSoFar + newlines(in: bytes[..<zero]), message: L10n.message(.encodingBinary))
        }
        let output: [UInt8]
        switch encoding {
        case .gb18030:
            output = try decodeGB18030(bytes, isLast: isLast)
        case .utf8, .utf8BOM:
            output = try decodeUTF8(bytes, isLast: isLast, mayFallBack: false)
        case nil:
            output = try decodeUTF8(bytes, isLast: isLast, mayFallBack: !sawNonASCII)
        }
        linesSoFar += newlines(in: output[...])
        return output
    }

    private mutating func decodeUTF8(_ bytes: [UInt8], isLast: Bool, mayFallBack: Bool) throws(EncodingFailure) -> [UInt8] {
        let check = UTF8Validation.check(bytes)
        if let bad = check.firstInvalid ?? (isLast && check.completeLength < bytes.count ? check.completeLength : nil) {
            // Fall back to GB18030 only while nothing has looked like real UTF-8: a valid
            // three-byte sequence (every CJK character in UTF-8) before the bad byte means the
            // file is UTF-8 with broken bytes, not GBK.
            if mayFallBack && encoding == nil && !check.sawThreeByteSequence {
                encoding = .gb18030
                return try decodeGB18030(bytes, isLast: isLast)
            }
            throw EncodingFailure(
                line: linesSoFar + newlines(in: bytes[..<bad]),
                message: L10n.message(.encodingInvalidUTF8, encoding?.rawValue ?? "UTF-8"))
        }
        if encoding == nil, bytes[..<check.completeLength].contains(where: { $0 >= 0x80 }) {
            encoding = .utf8
        }
        sawNonASCII = sawNonASCII || encoding != nil
        pending = Array(bytes[check.completeLength...])
        return Array(bytes[..<check.completeLength])
    }

    private mutating func decodeGB18030(_ bytes: [UInt8], isLast: Bool) throws(EncodingFailure) -> [UInt8] {
        encoding = .gb18030
        sawNonASCII = true
        if converter == nil { converter = GB18030Converter() }
        let result = converter!.convert(bytes)
        if let bad = result.invalidOffset ?? (isLast && result.consumed < bytes.count ? result.consumed : nil) {
            throw EncodingFailure(line: linesSoFar + newlines(in: bytes[..<bad]), message: L10n.message(.encodingInvalidGB))
        }
        pending = Array(bytes[result.consumed...])
        return result.output
    }

    /// Where the encoding has not been decided by the end (pure ASCII), it is UTF-8.
    public var resolvedEncoding: SourceEncoding { encoding ?? .utf8 }

    private func newlines(in bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}

/// Finds where UTF-8 stops being valid, and where the last complete character ends.
enum UTF8Validation {
    struct Result {
        /// Offset of the first byte that can never start a valid sequence here.
        var firstInvalid: Int?
        /// Length of the prefix made of complete characters (a split character at the end is excluded).
        var completeLength: Int
        /// Whether a valid sequence of three or more bytes occurs before `firstInvalid`.
        var sawThreeByteSequence = false
    }

    static func check(_ bytes: [UInt8]) -> Result {
        var i = 0
        let n = bytes.count
        var sawLong = false
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lowerSecond: UInt8 = 0x80
            var upperSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowerSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upperSecond = 0x9F
            case 0xF0:
                length = 4
                lowerSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upperSecond = 0x8F
            default: return Result(firstInvalid: i, completeLength: i, sawThreeByteSequence: sawLong)
            }
            for k in 1..<length {
                guard i + k < n else { return Result(firstInvalid: nil, completeLength: i, sawThreeByteSequence: sawLong) }
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lowerSecond, upperSecond) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return Result(firstInvalid: i, completeLength: i, sawThreeByteSequence: sawLong) }
            }
            sawLong = sawLong || length >= 3
            i += length
        }
        return Result(firstInvalid: nil, completeLength: n, sawThreeByteSequence: sawLong)
    }
}

/// A GB18030 → UTF-8 converter over glibc `iconv`, keeping state across chunks.
final class GB18030Converter {
    private let handle: iconv_t

    init() {
        let h = iconv_open("UTF-8", "GB18030")
        precondition(h != iconv_t(bitPattern: -1), "glibc iconv lacks GB18030")
        handle = h!
    }

    deinit { iconv_close(handle) }

    struct Result {
        var output: [UInt8]
        /// Bytes of the input converted; the rest is an incomplete character at the end.
        var consumed: Int
        /// Offset of an illegal sequence, if one was met.
        var invalidOffset: Int?
    }

    func convert(_ input: [UInt8]) -> Result {
        if input.isEmpty { return Result(output: [], consumed: 0, invalidOffset: nil) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let total = input.count
        var inLeft = total
        var outLeft = output.count
        var invalid: Int?
        source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                inBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(total, 1)) { inBase in
                    outBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: outBuffer.count) { outBase in
                        var inPointer: UnsafeMutablePointer<CChar>? = inBase
                        var outPointer: UnsafeMutablePointer<CChar>? = outBase
                        let rc = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                        if rc == -1 && errno == EILSEQ {
                            invalid = total - inLeft
                        }
                    }
                }
            }
        }
        output.removeLast(outLeft)
        return Result(output: output, consumed: total - inLeft, invalidOffset: invalid)
    }
}

/// Whole texts (not streams) in a known or detected encoding, turned into UTF-8 bytes.
enum TextDecoding {
    /// The bytes as UTF-8, and their encoding: checked when `encoding` is UTF-8, converted when
    /// GBK/GB18030, and decided from the bytes (as `StreamingTextDecoder` does) when nil.
    static func decode(_ bytes: [UInt8], as encoding: SourceEncoding?) throws -> (text: [UInt8], encoding: SourceEncoding) {
        switch encoding {
        case .utf8, .utf8BOM:
            let check = UTF8Validation.check(bytes)
            guard check.firstInvalid == nil, check.completeLength == bytes.count else {
                throw EncodingFailure(line: 1, message: L10n.message(.encodingInvalidUTF8, "UTF-8"))
            }
            return (bytes, .utf8)
        case .gb18030:
            let result = GB18030Converter().convert(bytes)
            guard result.invalidOffset == nil, result.consumed == bytes.count else {
                throw EncodingFailure(line: 1, message: L10n.message(.encodingInvalidGB))
            }
            return (result.output, .gb18030)
        case nil:
            var decoder = StreamingTextDecoder()
            let text = try decoder.decode(bytes, isLast: true)
            return (text, decoder.resolvedEncoding)
        }
    }
}
