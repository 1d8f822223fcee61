import ArgumentParser
import Foundation
import GAIDesk

/// The command line read before the parser: the language chosen, global options moved after the subcommand
/// (`gaidesk --data DIR day` = `gaidesk day --data DIR`), and unknown subcommands answered with "did you mean".
struct CommandLineArguments {
  /// Options every office command takes, which may also come before the subcommand; true when one takes a value.
  static let globals: [String: Bool] = [
    "--data": true, "--passphrase-file": true, "--staff": true, "--lang": true, "--json": false,
  ]

  /// The arguments handed to the parser.
  let parsed: [String]
  /// "gaidesk" and the subcommand words, e.g. "gaidesk report month".
  let commandPath: String

  /// Reads `arguments` (without the program name) against the command tree under `root`.
  init(_ arguments: [String], root: any ParsableCommand.Type) throws {
    let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
    Failure.json = arguments[..<end].contains("--json")
    try CommandLineArguments.chooseLanguage(Array(arguments[..<end]))
    var leading: [String] = []
    var index = 0
    while index < end, let takesValue = CommandLineArguments.global(arguments[index]) {
      leading.append(arguments[index])
      if takesValue && index + 1 < end {
        leading.append(arguments[index + 1])
        index += 1
      }
      index += 1
    }
    var rest = Array(arguments[index...])
    var command = root
    var path = ["gaidesk"]
    var words = 0
    while words < rest.count, rest[words] != "--" {
      let word = rest[words]
      let children = command.configuration.subcommands
      guard !children.isEmpty, !word.hasPrefix("-") else { break }
      guard let child = children.first(where: { CommandLineArguments.names($0).contains(word) }) else {
        if word == "help" { break }
        let known = children.flatMap(CommandLineArguments.names) + ["help"]
        throw GAIDeskError(
          .commandUnknown, word, CommandLineArguments.nearest(word, in: known), path.joined(separator: " "))
      }
      command = child
      path.append(word)
      words += 1
    }
    // `gaidesk --lang en --help`: the options before it only chose the language (done above); handed on,
    // they would send the parser to the default subcommand's help instead of the program's.
    let options = rest[..<(rest.firstIndex(of: "--") ?? rest.endIndex)]
    if words == 0, options.contains(where: { $0 == "--help" || $0 == "-h" }) { leading = [] }
    // `gaidesk --data DIR settings`: a group without its subcommand shows its help; the office's options belong
    // to the subcommands (the group itself would call them unknown).
    if CommandLineArguments.isGroup(command) {
      leading = []
      rest = Array(rest[..<words]) + CommandLineArguments.withoutGlobals(rest[words...])
    }
    rest.insert(contentsOf: leading, at: words)
    parsed = rest
    commandPath = path.joined(separator: " ")
  }

  /// Whether `argument` is a global option (and whether it takes a value), or nil.
  static func global(_ argument: String) -> Bool? {
    if let takesValue = globals[argument] { return takesValue }
    let name = String(argument.prefix { $0 != "=" })
    return name != argument && globals[name] == true ? false : nil
  }

  /// Whether `command` only groups subcommands: it runs none by default and takes no options of its own.
  static func isGroup(_ command: any ParsableCommand.Type) -> Bool {
    !command.configuration.subcommands.isEmpty && command.configuration.defaultSubcommand == nil
  }

  /// `arguments` without the global options and their values (up to a "--", after which nothing is an option).
  static func withoutGlobals(_ arguments: ArraySlice<String>) -> [String] {
    var kept: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == "--" { return kept + arguments[index...] }
      if let takesValue = global(argument) {
        index += takesValue ? 2 : 1
      } else {
        kept.append(argument)
        index += 1
      }
    }
    return kept
  }

  /// Sets the message language from `--lang` (refusing an unknown one) or leaves it to `$GAIDESK_LANG`.
  static func chooseLanguage(_ arguments: [String]) throws {
    var code: String?
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { code = arguments[index + 1] }
      if argument.hasPrefix("--lang=") { code = String(argument.dropFirst("--lang=".count)) }
    }
    guard let code else { return }
    guard let language = Language(rawValue: code.lowercased()) else { throw GAIDeskError(.langUnknown, code) }
    Console.language = language
    setenv("GAIDESK_LANG", language.rawValue, 1)
  }

  /// The names a subcommand answers to.
  static func names(_ command: any ParsableCommand.Type) -> [String] {
    [command._commandName] + command.configuration.aliases
  }

  /// The name in `names` closest to `word` (fewest single-character edits).
  static func nearest(_ word: String, in names: [String]) -> String {
    names.min { SearchText.editDistance(word, $0) < SearchText.editDistance(word, $1) } ?? ""
  }
}
