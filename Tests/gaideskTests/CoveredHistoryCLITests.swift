import Foundation
import Testing

/// Damage behind the snapshot cache is found too: a warm opening re-checks the closed segments the cache
/// covered against the hashes it kept.
@Suite struct CoveredHistoryCLITests {
  @Test func aFlippedByteInAClosedSegmentUnderAWarmCacheIsDamage() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    #expect(cli.run(["demo", "--visitors", "3000", "--days", "60"]).status == 0)
    let journal = cli.data + "/journal"
    let origin = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).first)
    let closed = journal + "/" + origin + "/00000001.seg"
    #expect(FileManager.default.fileExists(atPath: journal + "/" + origin + "/00000002.seg"))
    #expect(cli.run(["day"]).status == 0)  // warm from here on
    #expect(FileManager.default.fileExists(atPath: cli.data + "/cache/state.bin"))

    var bytes = try Data(contentsOf: URL(fileURLWithPath: closed))
    bytes[bytes.count / 2] ^= 0x04
    try bytes.write(to: URL(fileURLWithPath: closed))

    let day = cli.run(["day", "--lang", "en"])
    #expect(day.status == 4, "\(day.status) \(day.err)")
    #expect(day.err.contains("00000001.seg") && day.err.contains("partial"), "\(day.err)")
    let json = cli.run(["report", "month", String(CLI.localDay(daysFromToday: 0).prefix(7)), "--json"])
    #expect(json.status == 4)
    #expect(try CLI.object(json)["damaged"] as? Bool == true)
    #expect(cli.run(["queue", "add", "--name", "Not Accepted"]).status == 4)
    #expect(cli.run(["verify"]).status == 4)
  }
}
