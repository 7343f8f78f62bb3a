/// Rows for SQLite as one JSON array of arrays (RFC 8259), to be read back
/// with `json_each(?)` and `value ->> n` (<https://sqlite.org/json1.html>):
/// many rows in one statement.
///
/// Written by hand rather than with Foundation's `JSONEncoder`, which took
/// longer to encode a night's rows than SQLite took to store them: only
/// arrays, strings, whole numbers and null are needed.
enum JSONRows {
  /// One cell: text, a whole number or SQL NULL.
  enum Cell: Equatable {
    case text(String)
    case integer(Int)
    case null
  }

  /// The JSON text of `items`, one array of cells per item.
  static func encode<Item>(_ items: [Item], _ cells: (Item) -> [Cell]) -> String {
    var out: [UInt8] = [UInt8(ascii: "[")]
    for (row, item) in items.enumerated() {
      if row > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "["))
      for (column, cell) in cells(item).enumerated() {
        if column > 0 { out.append(UInt8(ascii: ",")) }
        switch cell {
        case .text(let text): appendString(text, to: &out)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
      }
      out.append(UInt8(ascii: "]"))
    }
    out.append(UInt8(ascii: "]"))
    return String(decoding: out, as: UTF8.self)
  }

  /// A JSON string: `"` and `\` escaped, control characters as `\u00XX`
  /// (RFC 8259 §7); every other scalar as its UTF-8 bytes.
  static func appendString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        out.append(UInt8(ascii: "\\"))
        out.append(byte)
      case 0..<0x20:
        out.append(contentsOf: "\\u00".utf8)
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 0x0F))
      default:
        out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
