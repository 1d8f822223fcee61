import Foundation

/// Local time in Cabo Verde (Atlantic/Cape_Verde: UTC−1 all year): the day a queue belongs to.
public enum LocalTime {
  /// Seconds east of UTC (Cabo Verde keeps UTC−1 without daylight saving).
  public static let offsetSeconds = -3600

  /// The local day of `date` as YYYY-MM-DD.
  public static func day(_ date: Date) -> String {
    format(
      civil(daysSince1970: floorDiv(Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds, 86400)))
  }

  /// The local day of a wall time.
  public static func day(_ time: WallTime) -> String {
    format(civil(daysSince1970: floorDiv(Int(time.milliseconds / 1000) + offsetSeconds, 86400)))
  }

  /// Local hour and minute, HH:MM.
  public static func clock(_ time: WallTime) -> String {
    let seconds = ((Int(time.milliseconds / 1000) + offsetSeconds) % 86400 + 86400) % 86400
    return pad(seconds / 3600) + ":" + pad(seconds / 60 % 60)
  }

  /// Local hour of the day, 0–23.
  public static func hour(_ time: WallTime) -> Int {
    ((Int(time.milliseconds / 1000) + offsetSeconds) % 86400 + 86400) % 86400 / 3600
  }

  /// Today's local day.
  public static func today(now: Date = WallClock.now()) -> String { day(now) }

  /// Whether `text` is a valid YYYY-MM-DD date.
  public static func isDate(_ text: String) -> Bool { daysSince1970(text) != nil }

  /// Days since 1970-01-01 of a YYYY-MM-DD date, or nil when it is not a real date.
  public static func daysSince1970(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
    else { return nil }
    let days = daysFromCivil(y, m, d)
    guard civil(daysSince1970: days) == (y, m, d) else { return nil }
    return days
  }

  /// The date `days` after `text` (YYYY-MM-DD).
  public static func adding(days: Int, to text: String) -> String? {
    daysSince1970(text).map { format(civil(daysSince1970: $0 + days)) }
  }

  /// The UTC milliseconds at which local day `text` starts.
  public static func startMilliseconds(of text: String) -> UInt64? {
    daysSince1970(text).map { UInt64(max(0, $0 * 86400 - offsetSeconds)) * 1000 }
  }

  private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
  private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  private static func format(_ ymd: (Int, Int, Int)) -> String {
    if (0...9999).contains(ymd.0) {
      // Ten ASCII digits and dashes: written in place as a small string (no allocation), once per record
      // folded.
      return String(unsafeUninitializedCapacity: 10) { out in
        out[0] = UInt8(48 + ymd.0 / 1000)
        out[1] = UInt8(48 + ymd.0 / 100 % 10)
        out[2] = UInt8(48 + ymd.0 / 10 % 10)
        out[3] = UInt8(48 + ymd.0 % 10)
        out[4] = 45
        out[5] = UInt8(48 + ymd.1 / 10)
        out[6] = UInt8(48 + ymd.1 % 10)
        out[7] = 45
        out[8] = UInt8(48 + ymd.2 / 10)
        out[9] = UInt8(48 + ymd.2 % 10)
        return 10
      }
    }
    let year = String(ymd.0)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + pad(ymd.1) + "-" + pad(ymd.2)
  }

  // Howard Hinnant's civil-from-days algorithms.
  private static func civil(daysSince1970 z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
