import Foundation
import GAIDesk
import GAIDeskResources
import Testing

/// Every error code has its message in Portuguese, English and French, with the same placeholders.
@Suite struct ErrorCodeTests {
  /// The raw tables, read from the shipped files (not through `Strings`, which falls back to Portuguese).
  static let tables: [String: [String: String]] = {
    var merged: [String: [String: String]] = [:]
    for path in ResourceLocator.paths(in: "strings") {
      let table = try! JSONDecoder().decode(
        [String: [String: String]].self, from: ResourceLocator.data(for: path)!)
      merged.merge(table) { first, _ in first }
    }
    return merged
  }()

  @Test(arguments: ErrorCode.allCases) func hasItsMessageInEveryLanguage(code: ErrorCode) throws {
    let entry = try #require(Self.tables[code.rawValue], "no message for \(code)")
    let placeholders = { (text: String) in
      Set(text.matches(of: /\{[0-9]\}/).map { String(text[$0.range]) })
    }
    for language in ["pt", "en", "fr"] {
      let text = try #require(entry[language], "\(code) has no \(language) message")
      #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty)
      #expect(placeholders(text) == placeholders(entry["pt"]!), "\(code) \(language): \(text)")
    }
  }

  @Test func everyErrorKeyInTheTablesIsACode() {
    let keys = Self.tables.keys.filter { $0.hasPrefix("error.") && $0 != "error.title" }
    let codes = Set(ErrorCode.allCases.map(\.rawValue))
    #expect(keys.filter { !codes.contains($0) }.sorted() == [])
  }

  @Test func statusesFollowTheTable() {
    #expect(ErrorCode.visitorUnknown.status == .notFound && ExitStatus.notFound.rawValue == 2)
    #expect(ErrorCode.passphraseWrong.status == .wrongPassphrase && ExitStatus.wrongPassphrase.rawValue == 3)
    #expect(ErrorCode.journalReadonly.status == .damaged && ExitStatus.damaged.rawValue == 4)
    #expect(ErrorCode.diskFull.status == .writeFailed && ExitStatus.writeFailed.rawValue == 7)
    #expect(ErrorCode.fieldEmpty.status == .refused && ExitStatus.refused.rawValue == 1)
    #expect(Set(ExitStatus.allCases.map(\.word)).count == ExitStatus.allCases.count)
  }

  @Test func everyDataFileIsEmbedded() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources/data")
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    let onDisk = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    #expect(onDisk == ResourceLocator.files.keys.sorted())
    for (path, bytes) in ResourceLocator.files {
      #expect(Data(bytes) == (try Data(contentsOf: folder.appendingPathComponent(path))), "\(path)")
    }
  }
}
