/// A moment given as calendar fields and a UTC offset: the run's as-of.
///
/// A plain value so that the core never reads the clock. Formats itself as an
/// RFC 5322 `date-time` ([§3.3](https://www.rfc-editor.org/rfc/rfc5322#section-3.3))
/// and as a British long date for templates.
public struct EmailTimestamp: Sendable, Hashable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  /// Minutes east of UTC (`+0100` is 60).
  public var offsetMinutes: Int

  /// Builds a timestamp; returns nil when a field is out of range.
  public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetMinutes: Int = 0) {
    guard (1900...9999).contains(year), (1...12).contains(month),
      (1...Self.daysInMonth(year: year, month: month)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
      (-(23 * 60 + 59)...(23 * 60 + 59)).contains(offsetMinutes)
    else { return nil }
    self.init(checked: year, month, day, hour, minute, second, offsetMinutes)
  }

  /// Fields known to be in range (samples and the failable initialisers).
  init(checked year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ offsetMinutes: Int) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.offsetMinutes = offsetMinutes
  }

  /// Parses ISO 8601 `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`
  /// (fractions of a second are dropped). Returns nil when it does not parse.
  public init?(iso8601 text: String) {
    let chars = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= chars.count else { return nil }
      var value = 0
      for byte in chars[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    func char(_ index: Int, _ expected: Character) -> Bool {
      index < chars.count && Character(Unicode.Scalar(chars[index])) == expected
    }
    guard let year = number(0..<4), char(4, "-"), let month = number(5..<7), char(7, "-"), let day = number(8..<10),
      char(10, "T") || char(10, " "), let hour = number(11..<13), char(13, ":"), let minute = number(14..<16),
      char(16, ":"), let second = number(17..<19)
    else { return nil }
    var index = 19
    if char(index, ".") {
      index += 1
      while index < chars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) { index += 1 }
    }
    var offset = 0
    if char(index, "Z") {
      index += 1
    } else if char(index, "+") || char(index, "-") {
      let sign = char(index, "-") ? -1 : 1
      guard let oh = number(index + 1..<index + 3), char(index + 3, ":"), let om = number(index + 4..<index + 6),
        om < 60
      else { return nil }
      offset = sign * (oh * 60 + om)
      index += 6
    } else {
      return nil
    }
    guard index == chars.count else { return nil }
    self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
  }

  static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// 0 = Sunday … 6 = Saturday, by days from the civil epoch (H. Hinnant's algorithm).
  var weekday: Int {
    let y = month <= 2 ? year - 1 : year
    let era = y / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    return ((days % 7) + 11) % 7
  }

  private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  private static let longMonthNames = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ]

  private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// `Sat, 28 Nov 2026 19:00:00 +0000` (RFC 5322 §3.3).
  public var rfc5322: String {
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    return "\(Self.dayNames[weekday]), \(day) \(Self.monthNames[month - 1]) \(year) "
      + "\(Self.two(hour)):\(Self.two(minute)):\(Self.two(second)) \(sign)\(Self.two(offset / 60))\(Self.two(offset % 60))"
  }

  /// `28 November 2026`, as GOV.UK style writes dates.
  public var longDate: String { "\(day) \(Self.longMonthNames[month - 1]) \(year)" }
}
