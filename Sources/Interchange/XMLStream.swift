import CLibXML2
import Foundation
import Localization

/// A streaming XML reader over libxml2's `xmlTextReader`. Malformed or truncated XML, bytes that
/// are not UTF-8, a DTD or an entity it would have to expand all end the read with an import
/// issue naming the line — never a trap and never a silent stop.
public enum XMLStream {
    /// One thing the reader met, in document order.
    enum Event {
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        case end(name: String)
        case text(String)
    }

    /// The largest document read; larger parts are refused before they are inflated.
    public static let maximumBytes = 256 << 20

    private static let setUp: Void = { xmlInitParser() }()

    /// Reads `data`, handing each event to `body`; throws `UserError` (rejected) on bad XML.
    static func read(_ data: Data, fileName: String, _ body: (Event) throws -> Void) throws {
        _ = setUp
        guard data.count <= maximumBytes else {
            throw UserError.rejected(file: fileName, L10n.message(.xlsxPartTooLarge, max(1, maximumBytes >> 20)))
        }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            guard let base, let reader = xmlReaderForMemory(base, Int32(raw.count), nil, "UTF-8", options) else {
                throw UserError.rejected(file: fileName, L10n.message(.xlsxBrokenXML, 1))
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetErrorHandler(reader, { _, _, _, _ in }, nil)
            func broken() -> UserError {
                UserError.rejected(file: fileName, L10n.message(.xlsxBrokenXML, max(1, Int(xmlTextReaderGetParserLineNumber(reader)))))
            }
            func text(_ pointer: UnsafePointer<xmlChar>?) -> String {
                pointer.map {
                    String(
                        decoding: UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))),
                        as: UTF8.self)
                } ?? ""
            }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                guard status == 1 else { throw broken() }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = text(xmlTextReaderConstLocalName(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    var attributes: [String: String] = [:]
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        attributes[text(xmlTextReaderConstName(reader))] = text(xmlTextReaderConstValue(reader))
                    }
                    xmlTextReaderMoveToElement(reader)
                    try body(.start(name: name, attributes: attributes, isEmpty: isEmpty))
                    if isEmpty { try body(.end(name: name)) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try body(.end(name: text(xmlTextReaderConstLocalName(reader))))
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    try body(.text(text(xmlTextReaderConstValue(reader))))
                case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
                    Int32(XML_READER_TYPE_ENTITY.rawValue):
                    throw broken()
                default:
                    break
                }
            }
        }
    }
}
