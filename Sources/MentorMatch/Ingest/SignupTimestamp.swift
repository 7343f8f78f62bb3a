/// Parses the sign-up time columns HR systems write, into one sortable UTC form
/// (`2026-11-02T09:30:00Z`). Pure: no `Date`, no locale, no time zone database.
///
/// Accepted: ISO 8601 / RFC 3339 dates and date-times (`2026-11-02`,
/// `2026-11-02T09:30`, `2026-11-02 09:30:15`, with `Z` or `±hh:mm`), and the UK
/// form Excel writes (`02/11/2026`, `02/11/2026 09:30`). A time without a zone
/// is taken as UTC.
public enum SignupTimestamp {
  public static func normalise(_ text: String) -> String? {
    parse(text).map { format(minutes: $0.minutes, second: $0.second) }
  }

  /// Whole seconds since 1970-01-01T00:00:00Z in the normal form
  /// (`2026-11-28T02:00:00Z`): how the shell stamps "now" without
  /// `ISO8601DateFormatter`, whose first use loads ICU's calendar and time
  /// zone data on every run's critical path.
  public static func utc(secondsSince1970 seconds: Int) -> String {
    let minutes = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
    return format(minutes: minutes, second: seconds - minutes * 60)
  }

  /// Whole seconds since 1970-01-01T00:00:00Z of any timestamp
  /// ``normalise(_:)`` reads (fractions of a second dropped), or nil: the
  /// inverse of ``utc(secondsSince1970:)`` on the normal form.
  public static func secondsSince1970(_ text: String) -> Int? {
    parse(text).map { $0.minutes * 60 + $0.second }
  }

  /// Minutes since the epoch in UTC, and the second within the minute (a
  /// leap second is 60, kept in its minute).
  private static func parse(_ text: String) -> (minutes: Int, second: Int)? {
    let scalars = Array(text.utf8)
    var reader = Reader(bytes: scalars)
    var year = 0, month = 0, day = 0
    if let y = reader.number(digits: 4), reader.skip("-"), let m = reader.number(digits: 2), reader.skip("-"),
      let d = reader.number(digits: 2)
    {
      (year, month, day) = (y, m, d)
    } else {
      reader = Reader(bytes: scalars)
      guard let d = reader.number(digits: 2), reader.skip("/"), let m = reader.number(digits: 2), reader.skip("/"),
        let y = reader.number(digits: 4)
      else { return nil }
      (year, month, day) = (y, m, d)
    }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
    var hour = 0, minute = 0, second = 0, offsetMinutes = 0
    if !reader.atEnd {
      guard reader.skip("T") || reader.skip(" "),
        let h = reader.number(digits: 2), reader.skip(":"), let mi = reader.number(digits: 2)
      else { return nil }
      (hour, minute) = (h, mi)
      if reader.skip(":") {
        guard let s = reader.number(digits: 2) else { return nil }
        second = s
        if reader.skip(".") { while reader.digit() != nil {} }
      }
      guard hour < 24, minute < 60, second < 61 else { return nil }
      if reader.skip("Z") || reader.skip("z") {
      } else if let sign = reader.sign() {
        guard let oh = reader.number(digits: 2) else { return nil }
        _ = reader.skip(":")
        guard let om = reader.number(digits: 2), oh < 24, om < 60 else { return nil }
        offsetMinutes = sign * (oh * 60 + om)
      }
      guard reader.atEnd else { return nil }
    }
    // Shift to UTC through minutes since the epoch of the proleptic Gregorian calendar.
    return (daysFromCivil(year: year, month: month, day: day) * 1440 + hour * 60 + minute - offsetMinutes, second)
  }

  /// The normal form of a UTC minute since the epoch and a second in it.
  private static func format(minutes total: Int, second: Int) -> String {
    let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
    let minutes = total - days * 1440
    let (y, m, d) = civilFromDays(days)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2)):\(pad(second, 2))Z"
  }

  /// Whether `bytes` are already a valid timestamp in the normal form
  /// (`2026-11-02T09:30:00Z`), which ``normalise(_:)`` returns unchanged:
  /// the common case, checked without making a String.
  public static func isNormal(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count == 20 else { return false }
    let base = bytes.startIndex
    func number(_ offset: Int, _ digits: Int) -> Int? {
      var value = 0
      for index in base + offset..<base + offset + digits {
        let byte = bytes[index]
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    for (offset, byte) in normalSeparators where bytes[base + offset] != byte { return false }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
    else { return false }
    return (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
      && hour < 24 && minute < 60 && second < 61
  }

  /// `-`, `-`, `T`, `:`, `:` and `Z`, by offset in the normal form.
  private static let normalSeparators: [(Int, UInt8)] = [(4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x5A)]

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days (public domain).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  private struct Reader {
    let bytes: [UInt8]
    var position = 0
    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
      guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
      position += 1
      return true
    }

    mutating func digit() -> Int? {
      guard position < bytes.count, (0x30...0x39).contains(bytes[position]) else { return nil }
      defer { position += 1 }
      return Int(bytes[position] - 0x30)
    }

    mutating func number(digits: Int) -> Int? {
      var value = 0
      for _ in 0..<digits {
        guard let digit = digit() else { return nil }
        value = value * 10 + digit
      }
      return value
    }

    mutating func sign() -> Int? {
      if skip("+") { return 1 }
      if skip("-") { return -1 }
      return nil
    }
  }
}
