import Foundation
import Testing

@testable import GAIDesk

/// Offices written by format 1 (bytes the old code wrote, in `Fixtures/`) open, migrate, verify and show the
/// same figures; the two-origin office shows what format 1's fold lost.
@Suite struct MigrationTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path
  static let passphrase = "fixture-v1-Ilha-do-Sal"

  private func open(_ name: String) throws -> (TemporaryDirectory, Office) {
    let dir = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: dir.path)
    try FileManager.default.copyItem(atPath: MigrationTests.fixtures + "/" + name, toPath: dir.path)
    let office = try Office.open(
      at: OfficePaths(root: dir.path), passphrase: MigrationTests.passphrase, marks: dir.marks)
    return (dir, office)
  }

  private func expected(_ file: String) throws -> [String: Any] {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: MigrationTests.fixtures + "/office-v1-expected/" + file))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func aFormatOneOfficeMigratesAndShowsTheSameFigures() throws {
    let (dir, office) = try open("office-v1")
    #expect(office.identity.format == 2 && office.identity.id != nil)
    #expect(office.damage.isEmpty)
    let report = try office.verify()
    // 1520 records of format 1, and the record turning its passphrase slot into an administrator account.
    #expect(report.isIntact && report.records == 1521)
    #expect(office.account?.role == .administrator && office.state.accounts.active.count == 1)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/keys/slot-1.json"))
    // The first administrator is named by the staff name format 1 kept in the clear settings file, which then
    // keeps no name.
    #expect(office.account?.name == "Ana Tavares")
    #expect(Office.settings(paths: OfficePaths(root: dir.path)).staff == nil)
    let settings = try String(contentsOfFile: dir.path + "/settings.json", encoding: .utf8)
    #expect(!settings.contains("Ana"), "\(settings)")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/journal-v1"))
    for day in ["2026-11-30", "2026-11-20"] {
      let figures = DayReport(state: office.state, day: day)
      let old = try expected("day-\(day).json")
      #expect(figures.ticketsIssued == old["ticketsIssued"] as? Int, "\(day)")
      #expect(figures.served == old["served"] as? Int, "\(day)")
      #expect(figures.beingServed == old["beingServed"] as? Int, "\(day)")
      #expect(figures.referralsMade == old["referralsMade"] as? [String], "\(day)")
      let service = try #require(old["service"] as? [String: Any])
      #expect(figures.service.median == service["medianSeconds"] as? Int, "\(day)")
    }
    for month in ["2026-11", "2026-10"] {
      let figures = MonthReport(state: office.state, month: month)
      let old = try expected("month-\(month).json")
      #expect(figures.visits == old["visits"] as? Int, "\(month)")
      #expect(figures.visitors == old["visitors"] as? Int, "\(month)")
      #expect(figures.served == old["served"] as? Int, "\(month)")
    }
    // Reopened: no second migration, same state.
    let again = try Office.open(
      at: OfficePaths(root: dir.path), passphrase: MigrationTests.passphrase, marks: dir.marks)
    #expect(digest(again.state) == digest(office.state))
  }

  @Test func theTwoOriginOfficeKeepsTheCopysWork() throws {
    let (dir, office) = try open("office-v1-two-origins")
    defer { withExtendedLifetime(dir) {} }
    let visits = office.state.visits.values.sorted { $0.number < $1.number }
    #expect(visits.map(\.status) == [.done, .waiting, .waiting])
    #expect(visits[0].desk == "2" && visits[0].topics == ["residence.renewal"])
    #expect(visits[0].outcome == "documentos verificados")
    let kofi = try #require(office.state.visitors.values.first { $0.fullName == "Kofi Mensah" })
    #expect(kofi.consentToShare?.granted == true)
    _ = try office.refer(
      visitorID: kofi.id, partner: "def", topic: "residence.renewal", due: nil, note: nil,
      staff: office.actorName)
  }
}
