import ArgumentParser
import Foundation
import GAIDesk

/// `gaidesk manual --out DIR`: writes a man page per command in the interface language (used by scripts/package).
struct Manual: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "manual", abstract: Help.t("Write the man pages."), shouldDisplay: false)

  @Option(help: Help.t("The folder to write gaidesk.1, gaidesk-day.1… into.")) var out: String

  func run() throws {
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try write(GAIDeskCommand.self, path: ["gaidesk"])
  }

  /// Writes the page of `command` and of each of its subcommands.
  private func write(_ command: any ParsableCommand.Type, path: [String]) throws {
    let name = path.joined(separator: "-")
    let page = Manual.page(
      name: name, abstract: command.configuration.abstract,
      help: ParserWords.translate(GAIDeskCommand.helpMessage(for: command, columns: 78)))
    let file = out + "/" + name + ".1"
    guard FileManager.default.createFile(atPath: file, contents: Data(page.utf8)) else {
      throw GAIDeskError(.diskIO, file, "create")
    }
    for child in command.configuration.subcommands where child.configuration.shouldDisplay {
      try write(child, path: path + [child._commandName])
    }
  }

  /// A man page: name and abstract, the help text as written by the parser, and the exit statuses.
  static func page(name: String, abstract: String, help: String) -> String {
    var lines = [
      ".TH \(name.uppercased()) 1 \"\" \"gaidesk \(GAIDeskVersion.string)\"",
      ".SH \(Console.text("manual.name"))", "\(name) \\- \(escape(abstract))",
      ".SH \(Console.text("manual.description"))", ".nf",
    ]
    lines += help.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
    lines += [".fi", ".SH \(Console.text("manual.status"))", ".TP"]
    for status in ExitStatus.allCases {
      lines += ["\\fB\(status.rawValue)\\fR", escape(Console.text("status.\(status.word)")), ".TP"]
    }
    lines.removeLast()
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` safe in a man page line: backslashes doubled, a leading dot or quote protected.
  static func escape(_ text: String) -> String {
    let doubled = text.replacingOccurrences(of: "\\", with: "\\e")
    return doubled.hasPrefix(".") || doubled.hasPrefix("'") ? "\\&" + doubled : doubled
  }
}
