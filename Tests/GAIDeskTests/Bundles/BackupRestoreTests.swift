import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

/// Backup to a folder, check it without the office, restore it on a new PC, and work on both PCs.
@Suite struct BackupRestoreTests {
  @Test func backupRestoreAndTwoPCsNeverIssueTheSameTicketOrId() throws {
    let original = TemporaryDirectory()
    let a = try TestOffice.make(in: original)
    a.now = { TestOffice.morning }  // every ticket on one day, whenever the test runs
    let first = try a.arrive(newVisitor: VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana").1
    _ = try a.arrive(newVisitor: VisitorForm(fullName: "Lin Wei"), staff: "Ana")
    #expect(first.ticket == "A-001")
    #expect(a.lastBackup == nil)

    let stick = TemporaryDirectory()
    let full = try a.backup(to: stick.path)
    // The office's first record (its accounts) and the two arrivals.
    #expect(full.bundle != nil && full.records == 3)
    #expect(a.lastBackup.map { abs($0.timeIntervalSince(TestOffice.morning)) < 60 } == true)
    let readme = try String(contentsOfFile: stick.path + "/LEIA-ME.txt", encoding: .utf8)
    #expect(
      readme.contains("gaidesk restore --from") && readme.contains("CÓPIA") && readme.contains("SAUVEGARDE"))
    #expect(try a.backup(to: stick.path).bundle == nil)

    let check = try Office.checkBackup(in: stick.path, passphrase: TestOffice.passphrase)
    #expect(check.isIntact && check.records == 3 && check.origins == 1 && check.bundles == 1)
    #expect(throws: GAIDeskError(.passphraseWrong)) {
      try Office.checkBackup(in: stick.path, passphrase: "wrong passphrase here")
    }

    // The new PC: another folder, another user's device marks.
    let newPC = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: newPC.path)
    let (b, restored, skipped) = try Office.restore(
      from: stick.path, to: OfficePaths(root: newPC.path), passphrase: TestOffice.passphrase,
      marks: newPC.marks)
    #expect(restored.added == 3 && skipped.isEmpty && restored.parked.isEmpty)
    b.now = { TestOffice.morning }
    #expect(b.origin != a.origin && digest(b.state) == digest(a.state))

    // Both PCs work the same day without seeing each other.
    var ids: [String] = []
    var tickets: [String] = []
    for (office, name) in [(a, "Kofi Mensah"), (b, "Fatoumata Diallo"), (b, "João Gonçalves"), (a, "Мария")] {
      let (visitor, visit) = try office.arrive(newVisitor: VisitorForm(fullName: name), staff: "Ana")
      ids += [visitor.id, visit.id]
      tickets.append(visit.ticket)
    }
    #expect(tickets[0] == "A-003" && tickets[3] == "A-004")
    #expect(tickets[1].hasSuffix("-001") && tickets[2].hasSuffix("-002") && !tickets[1].hasPrefix("A-"))

    // Bundles both ways, each since the other's last one.
    let toB = stick.path + "/a-to-b.gaibundle"
    try a.exportBundle(to: toB)
    #expect(try b.importBundles([toB]).added == 2)
    let toA = stick.path + "/b-to-a.gaibundle"
    try b.exportBundle(to: toA, sinceBundle: toB)
    #expect(try b.openBundle(toA).manifest.ranges.map(\.origin) == [b.origin])
    #expect(try a.importBundles([toA]).added == 2)

    #expect(digest(a.state) == digest(b.state))
    #expect(a.journal.versionVector.filter { $0.value > 0 }.count == 2)
    let day = TestOffice.morningDay
    let all = a.state.visits(on: day).map(\.ticket)
    #expect(all.count == 6 && Set(all).count == 6 && Set(ids).count == ids.count)
    // Each PC still calls its own tickets by number; the other PC's by letter.
    #expect(try a.call(ticket: "3", desk: "1", staff: "Ana").ticket == "A-003")
    #expect(try a.call(ticket: tickets[1], desk: "2", staff: "Ana").ticket == tickets[1])

    // The next backup adds only what the stick lacks, and the stick restores both PCs' work.
    let later = try a.backup(to: stick.path)
    #expect(later.records == 6)
    #expect(try Office.checkBackup(in: stick.path, passphrase: TestOffice.passphrase).records == 9)
    let third = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: third.path)
    let c = try Office.restore(
      from: stick.path, to: OfficePaths(root: third.path), passphrase: TestOffice.passphrase,
      marks: third.marks
    ).office
    #expect(digest(c.state) == digest(a.state))
  }

  @Test func aDamagedBackupIsNamedByCheckAndAnotherOfficesFolderIsRefused() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 2)
    let stick = TemporaryDirectory()
    try office.backup(to: stick.path)
    _ = try TestOffice.addVisitors(office, count: 2)
    try office.backup(to: stick.path)
    let bundles = BackupFolder(root: stick.path).bundleFiles()
    #expect(bundles.count == 2)
    // The first bundle lost: the check names the gap it leaves.
    try FileManager.default.removeItem(atPath: bundles[0])
    let check = try Office.checkBackup(in: stick.path, passphrase: TestOffice.passphrase)
    #expect(!check.isIntact && check.problems.map(\.key) == ["error.backup.gap"])
    #expect(check.problems.first?.args.dropFirst() == ["1", "3"])

    let other = TemporaryDirectory()
    let foreign = try TestOffice.make(in: other)
    #expect(throws: GAIDeskError(.backupOtherOffice, stick.path, "praia")) {
      try foreign.backup(to: stick.path)
    }
  }
}
