import Testing

@testable import GAIDesk

/// Records counted per local day (Cabo Verde time, UTC−1): the count of the day being folded is kept aside
/// and must show in every read, in any order of days.
@Suite struct RecordsPerDayTests {
  /// 2026-11-30 12:00 UTC plus `hours`.
  static func time(_ hours: Int) -> WallTime {
    WallTime(milliseconds: UInt64(1_796_040_000_000 + hours * 3_600_000))
  }

  @Test("days come and go back; each read counts every record so far, the cache round trip too")
  func daysInAnyOrder() throws {
    var state = OfficeState()
    // 12:00 UTC is 11:00 on the 30th; +13 h is 00:00 on 1 December in Praia; −12 h is 23:00 on the 29th.
    let hours = [0, 1, 13, 2, -12, 14, 0]
    var expected: [String: Int] = [:]
    for hour in hours {
      state.countRecord(on: Self.time(hour))
      expected[LocalTime.day(Self.time(hour)), default: 0] += 1
      #expect(state.recordsPerDay == expected)
      let later = expected.filter { $0.key > "2026-11-29" }.sorted { $0.key < $1.key }
      #expect(state.recordsPerDay(after: "2026-11-29").map(\.day) == later.map(\.key))
      #expect(state.recordsPerDay(after: "2026-11-29").map(\.count) == later.map(\.value))
    }
    #expect(expected == ["2026-11-29": 1, "2026-11-30": 4, "2026-12-01": 2])
    var w = ByteWriter()
    StateCodec.encode(state, into: &w)
    var r = ByteReader(w.bytes)
    var decoded = try StateCodec.decode(&r)
    #expect(decoded.recordsPerDay == expected)
    decoded.countRecord(on: Self.time(13))
    #expect(decoded.recordsPerDay["2026-12-01"] == 3 && decoded.recordsPerDay.values.reduce(0, +) == 8)
  }
}
