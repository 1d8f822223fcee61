import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// Key slots: one bad slot does not lock out the others, damage is told from a wrong passphrase.
@Suite struct KeySlotHardeningTests {
  /// The file name of the first administrator's slot.
  static func adminSlot(_ dir: TemporaryDirectory) throws -> String {
    try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path + "/keys").first { $0.hasPrefix("slot-u") }
    )
  }

  /// The first administrator's slot as a JSON object.
  static func slotObject(_ dir: TemporaryDirectory) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/keys/" + (try adminSlot(dir))))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }

  static func write(_ object: [String: Any], _ dir: TemporaryDirectory, _ name: String) throws {
    try JSONSerialization.data(withJSONObject: object).write(
      to: URL(fileURLWithPath: dir.path + "/keys/" + name))
  }

  @Test func newerAndOutOfRangeSlotsAreSkippedWithAWarning() throws {
    let dir = TemporaryDirectory()
    _ = try TestOffice.make(in: dir)
    let admin = try KeySlotHardeningTests.adminSlot(dir)
    var newer = try KeySlotHardeningTests.slotObject(dir)
    newer["version"] = 3
    newer.removeValue(forKey: "check")
    try KeySlotHardeningTests.write(newer, dir, "slot-0.json")
    var costly = try KeySlotHardeningTests.slotObject(dir)
    costly["logN"] = 40
    costly.removeValue(forKey: "check")
    try KeySlotHardeningTests.write(costly, dir, "slot-0a.json")
    let office = try TestOffice.reopen(dir)
    #expect(
      office.slotWarnings == [
        GAIDeskError(.keyslotSkippedWarning, "slot-0.json", "error.keyslot.newer"),
        GAIDeskError(.keyslotSkippedWarning, "slot-0a.json", "error.keyslot.corrupt"),
      ])
    // Alone, the newer slot still says to update the program.
    try FileManager.default.removeItem(atPath: dir.path + "/keys/" + admin)
    try FileManager.default.removeItem(atPath: dir.path + "/keys/slot-0a.json")
    #expect(throws: GAIDeskError(.keyslotNewer)) { try TestOffice.reopen(dir) }
  }

  @Test func aDamagedSlotIsNotCalledAWrongPassphrase() throws {
    let dir = TemporaryDirectory()
    _ = try TestOffice.make(in: dir)
    let admin = try KeySlotHardeningTests.adminSlot(dir)
    var slot = try KeySlotHardeningTests.slotObject(dir)
    #expect(slot["check"] is String)
    var sealed = Array((slot["sealedKey"] as! String).utf8)
    sealed[10] = sealed[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    slot["sealedKey"] = String(decoding: sealed, as: UTF8.self)
    try KeySlotHardeningTests.write(slot, dir, admin)
    #expect(throws: GAIDeskError(.keyslotDamaged)) { try TestOffice.reopen(dir) }
    #expect(throws: GAIDeskError(.keyslotDamaged)) {
      try Office.open(at: OfficePaths(root: dir.path), passphrase: "not the passphrase")
    }
  }

  @Test func aWrongPassphraseIsStillAWrongPassphrase() throws {
    let dir = TemporaryDirectory()
    _ = try TestOffice.make(in: dir)
    #expect(throws: GAIDeskError(.passphraseWrong)) {
      try Office.open(at: OfficePaths(root: dir.path), passphrase: "not the passphrase")
    }
  }

  @Test func newSlotsCostScryptLogN17() throws {
    let key = SymmetricKey(size: .bits256)
    let slot = try KeySlot.make(for: key, passphrase: "a long enough passphrase")
    #expect((slot.scrypt.logN, slot.scrypt.r, slot.scrypt.p) == (17, 8, 1))
    #expect(slot.check == slot.computedCheck)
    let unlocked = try slot.unlock(passphrase: "a long enough passphrase")
    #expect(unlocked?.withUnsafeBytes { Array($0) } == key.withUnsafeBytes { Array($0) })
  }

  @Test func initRefusesShortAndCommonPassphrases() throws {
    for (passphrase, key) in [
      ("short-one", "error.passphrase.short"), ("password123", "error.passphrase.common"),
      ("Pass Word 123", "error.passphrase.common"), ("qwertyuiop", "error.passphrase.common"),
    ] {
      let dir = TemporaryDirectory()
      #expect(throws: GAIDeskError(ErrorCode(rawValue: key)!, args: key.hasSuffix("short") ? ["10"] : [])) {
        try Office.create(
          at: OfficePaths(root: dir.path), office: "praia", passphrase: passphrase, staff: "Ana",
          scryptLogN: 10)
      }
      #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir.path + "/keys")) ?? []).isEmpty)
    }
  }
}
