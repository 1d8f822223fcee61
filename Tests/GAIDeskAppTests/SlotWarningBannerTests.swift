import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Key slots skipped at unlock or not matching the office's records are shown to whoever unlocked: a banner
/// on every screen, in the interface's language, and each slot in full on the day's health lines.
@Suite("Slot warning banner")
struct SlotWarningBannerTests {
  @Test("a slot changed outside GAIDesk and a newer slot show in a banner after unlocking, in pt, en and fr")
  func slotWarningsReachTheScreen() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gaidesk-slots-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let paths = OfficePaths(root: base + "/office")
    let marks = DeviceMarks(folder: base + "/marks")
    // Made and released (its lock closed) before the interface opens it.
    let anaName: String
    do {
      let office = try Office.create(
        at: paths, office: "praia", passphrase: "a good passphrase", staff: "Ana", scryptLogN: 10,
        marks: marks)
      try office.addAccount(
        name: "Rosa", role: .supervisor, passphrase: "rosa-supervisora-2026", staff: "Ana", scryptLogN: 10)
      anaName = AccountSlot.fileName(try #require(office.account).id)
    }
    // Ana's slot changed by a careful hand (checksum recomputed); Rosa unlocks.
    let anaSlot = paths.keys + "/" + anaName
    var altered = try JSONDecoder().decode(
      AccountSlot.self, from: Data(contentsOf: URL(fileURLWithPath: anaSlot)))
    altered.scrypt.salt = Data(repeating: 7, count: 16).base64EncodedString()
    altered.check = altered.computedCheck
    try Data(altered.bytes).write(to: URL(fileURLWithPath: anaSlot))
    try #"{"version": 3}"#.write(toFile: paths.keys + "/slot-0.json", atomically: true, encoding: .utf8)

    for (round, (language, words)) in [("pt", "sem confiança"), ("en", "not trusted"), ("fr", "non fiable")]
      .enumerated()
    {
      let runtime = AppRuntime(paths: paths, scryptLogN: 10, marks: marks)
      var model = AppModel(
        hasOffice: true, settings: OfficeSettings(staff: "Ana", language: language),
        size: Size(width: 100, height: 30), now: Date())
      _ = model.update(
        try #require(runtime.perform(.unlock(passphrase: "rosa-supervisora-2026"), staff: "Rosa")))
      _ = model.update(try #require(runtime.health()))
      // Tried before Rosa's the first time, the newer slot is skipped; then Rosa's is tried first (the slot
      // that opened last on this PC) and the newer one is named as belonging to no account.
      let newer: ErrorCode = round == 0 ? .keyslotSkippedWarning : .keyslotUnrecordedWarning
      #expect(model.health.slotWarnings.map(\.code) == [newer, .keyslotAlteredWarning])
      let banner = model.view().grid.lines[1]
      #expect(banner.contains(words) && banner.contains("2"), "\(language): \(banner)")
      #expect(model.bodyArea.y == 2, "the banner takes a row from the screens")
      let lines = HealthView.lines(model).map(\.text)
      #expect(lines.contains { $0.contains("slot-0.json") && !$0.contains("error.keyslot") }, "\(lines)")
      #expect(lines.contains { $0.contains(anaName) }, "\(lines)")
      // The recorded slot was written back on this writable folder; change it again.
      try Data(altered.bytes).write(to: URL(fileURLWithPath: anaSlot))
    }
  }
}
