import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Damage behind the snapshot cache, found by the worker's background check after a warm opening, turns
/// the red banner on.
@Suite("Covered history")
struct CoveredHistoryWorkerTests {
  @Test("a flipped byte in a closed segment under a warm cache shows the damage banner")
  func backgroundCheckShowsTheBanner() throws {
    let directory = TemporaryDirectory("covered")
    defer { withExtendedLifetime(directory) {} }
    let root = directory.path
    let paths = OfficePaths(root: root)
    let marks = directory.marks
    let created = try TestOffice.make(in: directory)
    var generator = DemoGenerator(seed: 7)
    _ = try generator.fill(created, visitors: 3000, days: 60)
    created.saveSnapshot()
    let folder = root + "/journal/" + created.origin.hex
    #expect(FileManager.default.fileExists(atPath: folder + "/00000002.seg"))
    let closed = folder + "/00000001.seg"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: closed))
    bytes[bytes.count / 3] ^= 0x20
    try bytes.write(to: URL(fileURLWithPath: closed))

    let worker = OfficeWorker(runtime: AppRuntime(paths: paths, scryptLogN: 10, marks: marks))
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24), now: Date())
    worker.send(.unlock(passphrase: TestOffice.passphrase), staff: "Ana")
    var opened = false
    let deadline = Date().addingTimeInterval(60)
    while model.health.damage.isEmpty, Date() < deadline {
      for answer in worker.poll() {
        if case .opened = answer { opened = true }
        _ = model.update(answer)
      }
      usleep(10_000)
    }
    worker.finish()
    #expect(opened)
    #expect(model.health.damage.contains { $0.segment.hasSuffix("00000001.seg") }, "\(model.health.damage)")
    let banner = model.view().grid.lines[1]
    #expect(banner.contains("1") && banner.lowercased().contains("supervisor"), "\(banner)")
  }
}
