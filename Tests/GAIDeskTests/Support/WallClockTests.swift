import Foundation
import Testing

@testable import GAIDesk

/// `$GAIDESK_CLOCK_OFFSET` shifts the program's clock by a number of seconds within ten years; any other value
/// shifts nothing (MidnightCLITests runs the program on shifted clocks).
@Suite struct WallClockTests {
  @Test func anOffsetIsANumberOfSecondsWithinTenYears() {
    #expect(WallClock.offset("3600") == 3600)
    #expect(WallClock.offset("-86400.5") == -86400.5)
    #expect(WallClock.offset("316224000") == 316_224_000)
    for refused in [nil, "", "tomorrow", "1h", "nan", "inf", "-inf", "1e300", "316224001"] {
      #expect(WallClock.offset(refused) == 0, "\(refused ?? "nil")")
    }
  }
}
