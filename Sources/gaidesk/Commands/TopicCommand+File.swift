import Foundation
import GAIDesk

/// The parts of a sheet read by `topic edit --from-file`: a JSON object like an entry of
/// Resources/data/sheets.json; each part it has replaces the sheet's, the others are kept.
struct SheetFile {
  /// The partner codes, when given.
  var partners: [String]?
  /// The lists given, by language and section.
  var parts: [Language: [SheetSection: [String]]] = [:]

  /// The keys an entry of sheets.json may have besides the languages (the topic is checked; the review day
  /// and the shipped sources are the program's own and not read).
  private static let otherKeys: Set<String> = ["topic", "partners", "reviewed", "sources"]

  /// Reads `path` for the sheet of `topic`, refusing a file of another shape (naming what is wrong).
  static func read(_ path: String, topic: String) throws -> SheetFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw GAIDeskError(.sheetFile, path) }
    guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw GAIDeskError(.sheetFile, path)
    }
    var file = SheetFile()
    for (key, value) in object.sorted(by: { $0.key < $1.key }) {
      if let language = Language(rawValue: key) {
        guard let content = value as? [String: Any] else { throw GAIDeskError(.sheetFileValue, path, key) }
        for (name, lines) in content.sorted(by: { $0.key < $1.key }) {
          guard let section = SheetSection(rawValue: name) else {
            throw GAIDeskError(.sheetFileKey, path, key + "." + name)
          }
          guard let texts = lines as? [String] else {
            throw GAIDeskError(.sheetFileValue, path, key + "." + name)
          }
          file.parts[language, default: [:]][section] = texts
        }
      } else if key == "partners" {
        guard let codes = value as? [String] else { throw GAIDeskError(.sheetFileValue, path, key) }
        file.partners = codes
      } else if key == "topic" {
        guard value as? String == topic else {
          throw GAIDeskError(.sheetFileTopic, path, String(describing: value), topic)
        }
      } else if !otherKeys.contains(key) {
        throw GAIDeskError(.sheetFileKey, path, key)
      }
    }
    guard file.partners != nil || !file.parts.isEmpty else { throw GAIDeskError(.sheetFileEmpty, path) }
    return file
  }

  /// Replaces the parts of `sheet` this file has.
  func apply(to sheet: inout KnowledgeSheet) {
    if let partners { sheet.partners = partners }
    for (language, sections) in parts {
      var content: SheetContent =
        switch language {
        case .portuguese: sheet.pt
        case .english: sheet.en
        case .french: sheet.fr
        }
      if let ask = sections[.ask] { content.ask = ask }
      if let documents = sections[.documents] { content.documents = documents }
      if let tell = sections[.tell] { content.tell = tell }
      sheet = sheet.setting(language, to: content)
    }
  }
}
