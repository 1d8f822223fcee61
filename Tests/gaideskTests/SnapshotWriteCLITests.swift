import Foundation
import Testing

/// The snapshot cache a cold opening writes on another thread is there when a command that exits at once
/// has ended (the process waits for it), whole: no temporary file is left behind.
@Suite struct SnapshotWriteCLITests {
  @Test func aCommandThatExitsAtOnceLeavesTheCacheOfItsColdOpening() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    #expect(cli.run(["demo", "--visitors", "400", "--days", "5"]).status == 0)
    let cache = cli.data + "/cache"
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: cache)
      let day = cli.run(["day"])
      #expect(day.status == 0, "\(day.err)")
      #expect(FileManager.default.fileExists(atPath: cache + "/state.bin"))
      let names = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
      #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
    }
  }
}
