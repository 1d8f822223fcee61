import Foundation
import Testing

@testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// A format-1 office on a read-only medium opens converted in memory: its figures are format 1's, `verify`
/// checks the conversion, writes are refused with what to do, and the medium does not change.
@Suite(.serialized) struct FormatOneReadOnlyTests {
  @Test func aFormatOneOfficeOnAReadOnlyMediumOpensConvertedInMemory() throws {
    try withTmpfsMedium("v1ro", megabytes: 16) { tmpfs in
      let base = tmpfs.base
      let medium = tmpfs.medium
      try FileManager.default.copyItem(
        atPath: MigrationTests.fixtures + "/office-v1", toPath: medium + "/office")
      #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
      let before = tmpfs.contents()
      let paths = OfficePaths(root: medium + "/office")
      let marks = DeviceMarks(folder: base + "/state")

      var scratch = ""
      do {
        let office = try Office.open(at: paths, passphrase: MigrationTests.passphrase, marks: marks)
        #expect(office.isConvertedInMemory && office.medium?.cause == .readOnlyFileSystem)
        #expect(office.identity.format == OfficeIdentity.currentFormat && office.identity.id != nil)
        scratch = office.journal.root
        #expect(!scratch.hasPrefix(medium), "converted outside the medium: \(scratch)")
        #expect(office.damage.isEmpty)
        let report = try office.verify()
        #expect(report.isIntact && report.records == 1520, "the 1520 records of format 1, converted")
        // The figures format 1 printed (the fixture's expected output).
        let day = try #require(
          try JSONSerialization.jsonObject(
            with: Data(
              contentsOf: URL(
                fileURLWithPath: MigrationTests.fixtures + "/office-v1-expected/day-2026-11-30.json")))
            as? [String: Any])
        let figures = DayReport(state: office.state, day: "2026-11-30")
        #expect(figures.ticketsIssued == day["ticketsIssued"] as? Int)
        #expect(figures.served == day["served"] as? Int)
        let month = try #require(
          try JSONSerialization.jsonObject(
            with: Data(
              contentsOf: URL(
                fileURLWithPath: MigrationTests.fixtures + "/office-v1-expected/month-2026-11.json")))
            as? [String: Any])
        #expect(MonthReport(state: office.state, month: "2026-11").visits == month["visits"] as? Int)
        #expect(office.state.visitorOrder.count > 300)
        // A write is refused with the medium's reason (its message says to copy the office to a writable disk).
        #expect(throws: GAIDeskError(.mediumReadOnly, paths.root)) {
          try office.registerVisitor(VisitorForm(fullName: "Nova Pessoa"), staff: "Ana Tavares")
        }
        #expect(
          Strings.shared.text("error.medium.readOnly", [paths.root], language: .english).contains("Copy"))
        // A second opening is converted again the same way (same office id: its cache and marks follow it).
        let again = try Office.open(at: paths, passphrase: MigrationTests.passphrase, marks: marks)
        #expect(again.identity.id == office.identity.id)
        #expect(
          again.damage.isEmpty && !again.openedFromSnapshot, "no cache of a conversion made for one opening")
        #expect(!FileManager.default.fileExists(atPath: marks.folder + "/caches"))
        #expect(again.state.visitorOrder.count == office.state.visitorOrder.count)
      }
      #expect(
        !FileManager.default.fileExists(atPath: scratch), "the conversion is removed when the office closes")
      #expect(tmpfs.contents() == before, "the read-only medium changed")
    }
  }
}
