import Foundation
import Testing

/// Another PC's log ending in an incomplete record (a copy made while it was writing) is not damage: `verify`
/// names it with its own exit status, and `--json` carries it.
@Suite struct OtherOriginTailCLITests {
  @Test func anotherOriginsIncompleteTailHasItsOwnStatus() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    for name in ["Awa Ndiaye", "Moussa Diop"] {
      #expect(cli.run(["queue", "add", "--name", name]).status == 0)
    }
    let journal = cli.data + "/journal"
    let first = try #require(try FileManager.default.contentsOfDirectory(atPath: journal).first)
    // Another PC (its own device marks) writes in the same folder as a second origin.
    let other = ["HOME": cli.scratch + "/other-pc", "GAIDESK_LANG": "en"]
    #expect(cli.run(["queue", "add", "--name", "Ana Lima"], environment: other).status == 0)
    let handle = try #require(FileHandle(forWritingAtPath: journal + "/" + first + "/00000001.seg"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x01, 0x02, 0x03]))  // the first PC was writing when this was copied
    try handle.close()

    let verify = cli.run(["verify"], environment: other)
    #expect(verify.status == 9, "\(verify.status) \(verify.out) \(verify.err)")
    #expect(
      verify.out.contains("incomplete") && verify.out.contains(String(first.prefix(8))), "\(verify.out)")
    let json = cli.run(["verify", "--json"], environment: other)
    #expect(json.status == 9)
    let report = try CLI.object(json)
    #expect(report["intact"] as? Bool == true, "\(report)")
    let tails = try #require(report["incompleteTails"] as? [[String: Any]], "\(report)")
    #expect(tails.count == 1 && (tails.first?["segment"] as? String)?.contains(first) == true, "\(tails)")
    #expect((report["damage"] as? [Any])?.isEmpty == true, "\(report)")

    // Other commands read what comes before, warn, and carry the tail in their JSON; writes go on.
    let day = cli.run(["day", "--json"], environment: other)
    #expect(day.status == 0 && day.err.contains("incomplete"), "\(day.status) \(day.err)")
    #expect((try CLI.object(day)["incompleteTails"] as? [Any])?.count == 1)
    #expect(cli.run(["queue", "add", "--name", "Rui Semedo"], environment: other).status == 0)

    // Its own PC repairs the tail at its next opening: then verify is clean.
    #expect(cli.run(["day"]).status == 0)
    #expect(cli.run(["verify"], environment: other).status == 0)
  }
}
