import Foundation
import Testing

/// The help of every command in pt, en and fr (snapshots; re-record with SNAPSHOT_RECORD=1), and every
/// user-visible string of `Sources/gaidesk` taken from the string tables.
@Suite struct HelpTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let snapshots = repository.appendingPathComponent("Tests/gaideskTests/__Snapshots__/help")

  /// Every command path, e.g. ["report", "month"], from the man pages the binary writes.
  static func commands(_ cli: CLI) throws -> [[String]] {
    let folder = cli.scratch + "/man"
    #expect(cli.run(["manual", "--out", folder]).status == 0)
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map {
      Array($0.dropLast(2).split(separator: "-").dropFirst().map(String.init))
    }
  }

  @Test(arguments: ["pt", "en", "fr"]) func everyCommandsHelpMatchesItsSnapshot(language: String) throws {
    let cli = CLI()
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    let commands = try Self.commands(cli)
    #expect(commands.count > 40)
    try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
    for path in commands {
      let result = cli.run(path + ["--help"], environment: ["GAIDESK_LANG": language, "COLUMNS": "100"])
      #expect(result.status == 0, "\(path): \(result.err)")
      let name = (["gaidesk"] + path).joined(separator: "-") + "." + language + ".txt"
      let file = Self.snapshots.appendingPathComponent(name)
      if record {
        try result.out.write(to: file, atomically: true, encoding: .utf8)
        continue
      }
      let expected = try? String(contentsOf: file, encoding: .utf8)
      #expect(expected == result.out, "\(name) differs; re-record with SNAPSHOT_RECORD=1:\n\(result.out)")
    }
    if language == "pt" {
      let root = cli.run(["--help"])
      #expect(root.out.contains("Exemplos:") && root.out.contains("Abre o balcão no terminal"))
    }
  }

  @Test func theHelpLanguageFollowsLangBeforeOrAfterTheSubcommand() {
    let cli = CLI()
    #expect(cli.run(["--lang", "fr", "day", "--help"]).out.contains("Exemples :"))
    #expect(cli.run(["day", "--help", "--lang", "en"]).out.contains("Examples:"))
    #expect(cli.run(["day", "--help"]).out.contains("O dia, dd/mm/aaaa ou AAAA-MM-DD"))
  }

  @Test(arguments: ["pt", "en", "fr"]) func theProgramsHelpFollowsLangBeforeIt(language: String) {
    let cli = CLI()
    let root = cli.run(["--help"], environment: ["GAIDESK_LANG": language]).out
    let heading = ["pt": "SUBCOMANDOS:", "en": "SUBCOMMANDS:", "fr": "SOUS-COMMANDES :"][language]!
    #expect(root.contains(heading))
    #expect(cli.run(["--lang", language, "--help"]).out == root)
    #expect(cli.run(["--data", cli.scratch, "--lang", language, "-h"]).out == root)
  }

  @Test(arguments: ["pt", "en", "fr"]) func theProgramsHelpNamesEveryExitStatus(language: String) throws {
    // The statuses are the rows of docs/EXIT-STATUS.md's table: "| 7 | …".
    let document = try String(
      contentsOf: Self.repository.appendingPathComponent("docs/EXIT-STATUS.md"), encoding: .utf8)
    let statuses = document.split(separator: "\n").compactMap { line -> Int? in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
      return line.hasPrefix("| ") && cells.count > 2
        ? Int(cells[1].trimmingCharacters(in: .whitespaces)) : nil
    }
    #expect(statuses.contains(0) && statuses.count > 1, "the table was read: \(statuses)")
    let out = CLI().run(["--help"], environment: ["GAIDESK_LANG": language]).out
    let text = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for status in Set(statuses) where status != 0 {
      #expect(text.contains(", \(status) "), "status \(status) in \(language): \(text)")
    }
  }

  /// argument-parser's own words (headings, `--help` and `--version`, defaults, the pointer to a subcommand's
  /// help) in the help's language too, not only the texts GAIDesk gives it.
  @Test func theParsersOwnWordsFollowTheLanguage() {
    let cli = CLI()
    let english = [
      "OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "Show the version.",
      "Show help information.", "(default", "for detailed help",
    ]
    let expected: [String: [String]] = [
      "pt": [
        "RESUMO:", "UTILIZAÇÃO:", "OPÇÕES:", "Mostra a versão.", "Mostra esta ajuda.", "(por omissão: 10)",
      ],
      "fr": [
        "PRÉSENTATION :", "UTILISATION :", "OPTIONS :", "Affiche la version.", "Affiche cette aide.",
        "(par défaut : 10)",
      ],
    ]
    for (language, words) in expected {
      let environment = ["GAIDESK_LANG": language, "COLUMNS": "100"]
      let help =
        cli.run(["referral", "suggest", "--help"], environment: environment).out
        + cli.run(["visitor", "--help"], environment: environment).out
        + cli.run(["followup", "done", "--help"], environment: environment).out
        + cli.run(["--help"], environment: environment).out
      for word in english { #expect(!help.contains(word), "\(language): \(word)\n\(help)") }
      for word in words { #expect(help.contains(word), "\(language): \(word)\n\(help)") }
    }
    let help = cli.run(["referral", "suggest", "--help"], environment: ["GAIDESK_LANG": "en"]).out
    #expect(
      help.contains("USAGE:") && help.contains("Show help information.") && help.contains("(default: 10)"))
  }

  /// argument-parser's error sentences (an unknown option, a missing or invalid value, an argument too many)
  /// follow the language like its help; the names and values typed stay as typed; one sentence each.
  @Test func theParsersErrorsFollowTheLanguage() {
    let cli = CLI()
    let runs = [
      ["queue", "add", "--visitor", "V-1", "--topc", "x"], ["visitor", "add"],
      ["visitor", "find", "a", "--limit", "abc"],
      ["visitor", "find", "a", "b"], ["visitor", "find", "a", "--limit"],
    ]
    let expected: [String: [String]] = [
      "pt": [
        "Opção desconhecida «--topc». Queria dizer «--", "Falta o argumento «--name <name>»",
        "O valor «abc» não é válido para «--limit <limit>»", "Argumento a mais: «b»",
        "Falta o valor de «--limit <limit>»",
      ],
      "fr": [
        "Option inconnue « --topc ». Vouliez-vous dire « --", "Argument manquant : « --name <name> »",
        "La valeur « abc » n'est pas valable pour « --limit <limit> »", "Argument en trop : « b »",
        "Valeur manquante pour « --limit <limit> »",
      ],
      "en": [
        "Unknown option '--topc'. Did you mean '--", "Missing expected argument '--name <name>'",
        "The value 'abc' is invalid for '--limit <limit>'", "Unexpected argument 'b'",
        "Missing value for '--limit <limit>'",
      ],
    ]
    for (language, sentences) in expected {
      for (arguments, sentence) in zip(runs, sentences) {
        let refused = cli.run(arguments, environment: ["GAIDESK_LANG": language])
        #expect(refused.status == 1 && refused.err.contains(sentence), "\(language): \(refused.err)")
        #expect(!refused.err.contains("?.") && !refused.err.contains(".."), "\(language): \(refused.err)")
        if language != "en" {
          for english in ["Unknown", "Missing", "The value", "Unexpected", "Did you mean"] {
            #expect(!refused.err.contains(english), "\(language): \(refused.err)")
          }
        }
      }
    }
  }

  /// A translated "(default)" after a subcommand's name keeps its description in the column of the others.
  @Test func theSubcommandsDescriptionsStayInOneColumn() throws {
    let cli = CLI()
    for language in ["pt", "en", "fr"] {
      let help = cli.run(["--help"], environment: ["GAIDESK_LANG": language, "COLUMNS": "100"]).out
      let lines = help.split(separator: "\n").map(String.init)
      let headings = ["SUBCOMMANDS:", "SUBCOMANDOS:", "SOUS-COMMANDES :"]
      let start = try #require(lines.firstIndex { headings.contains($0) })
      let entries = lines[(start + 1)...].filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
      let columns = Set(
        entries.compactMap { line in
          line.firstRange(of: /\S  +\S/).map { line.distance(from: line.startIndex, to: $0.upperBound) }
        })
      #expect(entries.count > 10 && columns.count == 1, "\(language):\n\(help)")
    }
  }

  /// The merged string tables shipped with the program.
  static func tables() throws -> [String: [String: String]] {
    let folder = repository.appendingPathComponent("Resources/data/strings")
    var merged: [String: [String: String]] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json")
    {
      let data = try Data(contentsOf: folder.appendingPathComponent(file))
      merged.merge(try JSONDecoder().decode([String: [String: String]].self, from: data)) { a, _ in a }
    }
    return merged
  }

  @Test func everyUserVisibleStringOfTheCommandLineIsInTheTables() throws {
    let tables = try Self.tables()
    let sources = Self.repository.appendingPathComponent("Sources/gaidesk")
    let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }
    #expect(files.count > 15)
    let help = /Help\.t\(\s*"((?:[^"\\]|\\.)*)"\s*\)/
    let key = /Console\.(?:say|text)\(\s*"([A-Za-z0-9.\-]+)"/
    let literal = /"((?:[^"\\]|\\.)*)"/
    let prose = /[A-Za-z]{2,} [A-Za-z]{2,}/
    let multiline = /"""([\s\S]*?)"""/
    for file in files {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: multiline) {
        #expect(match.1.firstMatch(of: prose) == nil, "\(file): text outside the string tables: \(match.1)")
      }
      for match in text.matches(of: help) {
        let english = String(match.1).replacingOccurrences(of: "\\\"", with: "\"")
        #expect(Set(tables[english]?.keys.map { $0 } ?? []) == ["pt", "en", "fr"], "\(file): \(english)")
      }
      for match in text.matches(of: key) {
        #expect(
          Set(tables[String(match.1)]?.keys.map { $0 } ?? []) == ["pt", "en", "fr"], "\(file): \(match.1)")
      }
      for line in text.replacing(help, with: "").split(separator: "\n")
      where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
        for match in line.matches(of: literal) {
          #expect(match.1.firstMatch(of: prose) == nil, "\(file): text outside the string tables: \(line)")
        }
      }
    }
  }
}
