import ArgumentParser
import GAIDesk

/// `gaidesk fork …`: histories of one origin that went two ways (a cloned disk), kept in `forks/`.
struct ForkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fork", abstract: Help.t("List and resolve forks: one PC's history that went two ways."),
    subcommands: [List.self, Resolve.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("List the forks waiting for a supervisor."))
    @OptionGroup var options: OfficeOptions

    func run() throws {
      let office = try options.open()
      if options.json {
        return Console.json(
          office.forks.map {
            ["file": $0.file, "origin": $0.origin.hex, "sequence": $0.sequence] as [String: Any]
          })
      }
      if office.forks.isEmpty { Console.say("fork.none") }
      for fork in office.forks {
        Console.say("fork.line", fork.file, String(fork.origin.hex.prefix(8)), String(fork.sequence))
      }
    }
  }

  struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t(
        "Keep this folder's branch and record the other branch's events again with new ids (nothing is lost)."
      ))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("The fork's file, as `fork list` names it.")) var file: String

    func run() throws {
      let office = try options.open()
      let name = file.split(separator: "/").last.map(String.init) ?? file
      guard let fork = office.forks.first(where: { $0.file.hasSuffix("/" + name) }) else {
        throw GAIDeskError(.forkUnknown, file)
      }
      let changes = try office.resolve(fork, staff: try options.actor(office))
      if options.json {
        return Console.json(["resolved": fork.file, "ids": changes.map { ["old": $0.old, "new": $0.new] }])
      }
      Console.say("fork.resolved", String(changes.count))
      for change in changes { print("  \(change.old) → \(change.new)") }
    }
  }
}
