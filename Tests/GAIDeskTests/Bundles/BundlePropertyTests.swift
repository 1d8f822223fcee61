import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Bundles merge histories as a set union: three folders of one office write random commands and exchange
/// random bundles (everything, since another's last bundle, or cut short per origin) in random orders, with
/// duplicates and replays. After a final exchange every folder, and a fresh folder fed the bundles in another
/// order, folds to the same state as a cold rebuild; importing everything again changes nothing.
@Suite struct BundlePropertyTests {
  /// 12 cases in `swift test`; `GAIDESK_BUNDLE_CASES` sets more.
  @Test func anyExchangeOrderEndsInOneState() throws {
    let parked = try runPropertyCases("GAIDESK_BUNDLE_CASES", count: 12, seed: 20_261_201) {
      try runCase(&$0, label: $1)
    }
    // The random exchanges do deliver ranges before their gaps are filled.
    #expect(parked > 0)
  }

  /// One case; returns how many ranges were parked on the way.
  private func runCase(_ random: inout SeededRandom, label: String) throws -> Int {
    let folders = try OfficeFolders(3)
    let script = RandomScript(&random, origins: 3)
    var next = [0, 0, 0]
    var pool: [String] = []
    var last: [Int: String] = [:]
    var parked = 0
    func live(_ i: Int) -> Office { folders.offices[i] }

    for _ in 0..<50 {
      let i = Int.random(in: 0..<3, using: &random)
      switch Int.random(in: 0..<12, using: &random) {
      case 0...4 where next[i] < script.records[i].count:
        let record = script.records[i][next[i]]
        next[i] += 1
        let date = record.date
        live(i).now = { date }
        // A folder missing history another record names is read-only until it arrives: the command waits.
        if (try? live(i).record(staff: live(i).actorName, events: record.events)) == nil { next[i] -= 1 }
      case 5...7:
        let other = (i + Int.random(in: 1...2, using: &random)) % 3
        var since: [OriginID: UInt64] = [:]
        var limits: [OriginID: UInt64] = [:]
        // Since another folder's last bundle (what it knew), or since any earlier bundle.
        if let theirs = Bool.random(using: &random) ? last[other] : pool.randomElement(using: &random) {
          since = try live(i).openBundle(theirs).manifest.vector
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
          for (origin, held) in live(i).journal.versionVector {
            limits[origin] = UInt64.random(in: 0...held, using: &random)
          }
        }
        let path = try folders.export(i, since: since, limits: limits)
        pool.append(path)
        if limits.isEmpty { last[i] = path }
      case 8...10 where !pool.isEmpty:
        let picks = (0..<Int.random(in: 1...3, using: &random)).map { _ in pool.randomElement(using: &random)!
        }
        let summary = try live(i).importBundles(picks)
        #expect(summary.forks.isEmpty, "\(label)")
        parked += summary.parked.count
      case 11:
        live(i).saveSnapshot()
        folders.offices[i] = try TestOffice.reopen(folders.directories[i])
      default:
        break
      }
    }

    // The final exchange: each folder's whole journal to every folder, in random orders.
    let finals = try (0..<3).map { try folders.export($0) }
    for i in 0..<3 {
      let summary = try live(i).importBundles(finals.shuffled(using: &random))
      #expect(summary.parked.isEmpty && summary.forks.isEmpty, "\(label): \(summary)")
    }
    try FileManager.default.removeItem(atPath: folders.directories[0].path + "/cache")
    let expected = digest(try TestOffice.reopen(folders.directories[0]).state)
    for i in 0..<3 {
      #expect(digest(live(i).state) == expected, "\(label): folder \(i)")
      #expect(live(i).damage.isEmpty, "\(label): \(live(i).damage)")
      let files = folders.journalFiles(i)
      let again = try live(i).importBundles((pool + finals).shuffled(using: &random))
      #expect(again.added == 0 && again.parked.isEmpty, "\(label): idempotent")
      #expect(folders.journalFiles(i) == files && digest(live(i).state) == expected, "\(label)")
    }

    // A new folder fed the intermediate bundles one at a time, then the finals, in another order.
    let newcomer = TemporaryDirectory()
    try FileIO.makeDirectory(newcomer.path + "/keys")
    for name in try FileManager.default.contentsOfDirectory(atPath: folders.directories[0].path + "/keys") {
      try FileIO.writeAtomically(
        try FileIO.read(folders.directories[0].path + "/keys/" + name), to: newcomer.path + "/keys/" + name)
    }
    try FileIO.writeAtomically(
      try FileIO.read(folders.directories[0].path + "/office.json"), to: newcomer.path + "/office.json")
    let office = try TestOffice.reopen(newcomer)
    for path in pool.shuffled(using: &random) { _ = try office.importBundles([path]) }
    _ = try office.importBundles(finals.reversed())
    #expect(digest(office.state) == expected, "\(label): newcomer")
    return parked
  }
}
