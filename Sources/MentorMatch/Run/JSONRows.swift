import Foundation

/// Rows for SQLite as one JSON array of arrays, to be read back with
/// `json_each(?)` and `value ->> n` (<https://sqlite.org/json1.html>): many
/// rows in one statement.
enum JSONRows {
  /// One cell: text, a whole number or SQL NULL.
  enum Cell: Encodable, Equatable {
    case text(String)
    case integer(Int)
    case null

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .integer(let value): try container.encode(value)
      case .null: try container.encodeNil()
      }
    }
  }

  /// The JSON text of `items`, one array of cells per item. `path` names the
  /// database in the error if encoding fails (it cannot for these cells).
  static func encode<Item>(_ items: [Item], path: String, _ cells: (Item) -> [Cell]) throws(StateError) -> String {
    do {
      return String(decoding: try JSONEncoder().encode(items.map(cells)), as: UTF8.self)
    } catch {
      throw StateError.wrapping(error, path: path)
    }
  }
}
