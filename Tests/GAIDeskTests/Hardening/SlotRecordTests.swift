import Crypto
import Foundation
import Testing

@testable import GAIDesk

/// Key slots against the office's records: slot files read as today's code wrote them, a slot changed or put
/// there outside GAIDesk is reported once another slot opens, an old slot put back after a passphrase change
/// does not open the office, and every way a passphrase is set refuses weak ones.
@Suite struct SlotRecordTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures").path

  static func keys(_ dir: TemporaryDirectory) -> String { dir.path + "/keys/" }

  /// Rosa's slot file name in an office staffed by `AccountTests.staffed`.
  static func rosaSlot(_ office: Office) throws -> String {
    AccountSlot.fileName(try #require(office.state.accounts.account(named: "Rosa")).id)
  }

  @Test func slotFilesWrittenBeforeScryptParametersReadAndWriteTheSameBytes() throws {
    let accountBytes = try Data(
      contentsOf: URL(fileURLWithPath: Self.fixtures + "/slots/account-slot-v2.json"))
    let account = try JSONDecoder().decode(AccountSlot.self, from: accountBytes)
    #expect(account.bytes == Array(accountBytes))
    #expect((account.scrypt.logN, account.scrypt.r, account.scrypt.p) == (10, 8, 1))
    let opened = try #require(try account.unlock(passphrase: "fixture-slot-Ilha-do-Fogo"))
    #expect(opened.epochs.keys.sorted() == [1])
    #expect(try account.unlock(passphrase: "fixture-slot-Ilha-do-Sal") == nil)

    let masterBytes = try Data(
      contentsOf: URL(fileURLWithPath: Self.fixtures + "/office-v1/keys/slot-1.json"))
    let master = try JSONDecoder().decode(KeySlot.self, from: masterBytes)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    #expect(try encoder.encode(master) == masterBytes)
    #expect(master.check == nil)
    #expect(try master.unlock(passphrase: MigrationTests.passphrase) != nil)
  }

  @Test func outOfBoundsParametersAreRefusedBeforeAnyMemoryIsAskedFor() throws {
    let good = try ScryptParameters.seal(
      [1, 2, 3], passphrase: "a long enough passphrase", logN: 10, authenticating: Data())
    #expect(try good.open(passphrase: "a long enough passphrase", authenticating: Data()) == Data([1, 2, 3]))
    #expect(try good.open(passphrase: "another long passphrase", authenticating: Data()) == nil)
    for change in [
      { (p: inout ScryptParameters) in p.logN = 21 }, { $0.logN = 9 }, { $0.r = 17 }, { $0.p = 5 },
      { $0.kdf = "argon2" }, { $0.salt = "!!" },
      {
        $0.logN = 20; $0.r = 16
      },
    ] {
      var hostile = good
      change(&hostile)
      #expect(!hostile.isWithinBounds)
      #expect(throws: GAIDeskError(.keyslotCorrupt)) {
        try hostile.open(passphrase: "a long enough passphrase", authenticating: Data())
      }
    }
  }

  @Test func anotherSlotChangedOutsideGAIDeskIsReportedAndReplacedByTheRecordedOne() throws {
    let dir = TemporaryDirectory()
    let office = try AccountTests.staffed(dir)
    let rosa = try Self.rosaSlot(office)
    let recorded = try FileIO.read(Self.keys(dir) + rosa, limit: 1 << 16)
    // A careful hand raises Rosa's scrypt cost and writes a matching checksum: only the record tells.
    var altered = try JSONDecoder().decode(AccountSlot.self, from: Data(recorded))
    altered.scrypt.logN = 20
    altered.check = altered.computedCheck
    try Data(altered.bytes).write(to: URL(fileURLWithPath: Self.keys(dir) + rosa))
    // And a slot for no account: a copy of Rui's under another name.
    let rui = AccountSlot.fileName(try #require(office.state.accounts.account(named: "Rui")).id)
    try FileManager.default.copyItem(atPath: Self.keys(dir) + rui, toPath: Self.keys(dir) + "slot-u0000.json")
    let reopened = try TestOffice.reopen(dir)
    #expect(
      Set(reopened.slotWarnings.map(\.description)) == [
        GAIDeskError(.keyslotAlteredWarning, rosa).description,
        GAIDeskError(.keyslotUnrecordedWarning, "slot-u0000.json").description,
      ])
    #expect(reopened.health(now: Date()).slotWarnings == reopened.slotWarnings)
    #expect(try FileIO.read(Self.keys(dir) + rosa, limit: 1 << 16) == recorded, "the recorded slot is back")
    #expect(try AccountTests.open(dir, AccountTests.rosa).account?.name == "Rosa")
  }

  @Test func anOldSlotPutBackAfterAPassphraseChangeDoesNotOpenTheOffice() throws {
    let dir = TemporaryDirectory()
    let office = try AccountTests.staffed(dir)
    let rosa = try Self.rosaSlot(office)
    let old = try FileIO.read(Self.keys(dir) + rosa, limit: 1 << 16)
    let asRosa = try AccountTests.open(dir, AccountTests.rosa)
    try asRosa.changePassphrase(to: "rosa-nova-palavra-2027", scryptLogN: 10)
    try Data(old).write(to: URL(fileURLWithPath: Self.keys(dir) + rosa))
    #expect(throws: GAIDeskError(.keyslotSuperseded)) { try AccountTests.open(dir, AccountTests.rosa) }
    #expect(ErrorCode.keyslotSuperseded.status == .wrongPassphrase)
    // The recorded slot was written back: the new passphrase opens, the old one opens nothing.
    #expect(try AccountTests.open(dir, "rosa-nova-palavra-2027").account?.name == "Rosa")
    #expect(throws: GAIDeskError(.passphraseWrong)) { try AccountTests.open(dir, AccountTests.rosa) }
  }

  @Test func staffAddAndPassphraseChangeRefuseShortAndCommonPassphrases() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let before = try FileManager.default.contentsOfDirectory(atPath: Self.keys(dir)).sorted()
    for (passphrase, error) in [
      ("curta-9ch", GAIDeskError(.passphraseShort, "10")), ("password123", GAIDeskError(.passphraseCommon)),
      ("Qwerty UIOP", GAIDeskError(.passphraseCommon)),
    ] {
      #expect(throws: error) {
        try office.addAccount(
          name: "Rui", role: .frontDesk, passphrase: passphrase, staff: "Ana", scryptLogN: 10)
      }
      #expect(throws: error) { try office.changePassphrase(to: passphrase, scryptLogN: 10) }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: Self.keys(dir)).sorted() == before)
    #expect(office.state.accounts.account(named: "Rui") == nil)
    #expect(try TestOffice.reopen(dir).account?.name == "Ana", "the passphrase did not change")
  }
}
