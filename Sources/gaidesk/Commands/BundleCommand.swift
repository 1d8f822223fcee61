import ArgumentParser
import Foundation
import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// `gaidesk bundle …`: the file that carries records between the PCs of one office.
struct BundleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bundle",
    abstract: Help.t("Move records between the PCs of one office: export and import bundles."),
    subcommands: [Export.self, Import.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Write a bundle of this PC's records (all, or what another PC's last bundle lacked)."))
    @OptionGroup var options: OfficeOptions
    @Option(help: Help.t("Another PC's last bundle: export only what it lacked.")) var since: String?
    @Flag(help: Help.t("Export every record (the default without --since).")) var all = false
    @Option(help: Help.t("The bundle file to write (refused when it exists).")) var out: String

    func validate() throws {
      guard !(all && since != nil) else { throw ValidationError("--all / --since") }
    }

    func run() throws {
      let office = try options.open()
      let line = BundleProgressLine()
      defer { line.finish() }
      let manifest =
        try since.map { try office.exportBundle(to: out, sinceBundle: $0, progress: line.update) }
        ?? office.exportBundle(to: out, progress: line.update)
      if options.json {
        Console.json([
          "file": out, "records": manifest.recordCount, "origins": manifest.ranges.count,
          "ranges": manifest.ranges.map {
            ["origin": $0.origin.hex, "first": $0.first, "last": $0.last] as [String: Any]
          },
        ])
      } else {
        Console.say("bundle.exported", out, String(manifest.recordCount), String(manifest.ranges.count))
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.t("Import bundles of this office: verified first, nothing written when one is refused."))
    @OptionGroup var options: OfficeOptions
    @Argument(help: Help.t("Bundle files.")) var files: [String]

    func run() throws {
      let office = try options.open()
      let line = BundleProgressLine()
      let summary = try office.importBundles(files, progress: line.update)
      line.finish()
      BundleCommand.report(summary, json: options.json)
      // A fork is a history this office does not share: named, kept aside, and a non-zero status.
      if !summary.forks.isEmpty { throw ExitCode(ExitStatus.damaged.rawValue) }
    }
  }

  /// Prints an import summary as text or JSON.
  static func report(_ summary: ImportSummary, json: Bool) {
    if json {
      Console.json([
        "bundles": summary.bundles, "added": summary.added, "alreadyHad": summary.alreadyHad,
        "parked": summary.parked.map {
          ["origin": $0.origin.hex, "from": $0.from, "through": $0.through, "file": $0.file] as [String: Any]
        },
        "forks": summary.forks.map {
          ["origin": $0.origin.hex, "sequence": $0.sequence, "file": $0.file] as [String: Any]
        },
      ])
      return
    }
    Console.say("bundle.imported", String(summary.added), String(summary.alreadyHad))
    for waiting in summary.parked {
      Console.say(
        "bundle.waiting", String(waiting.origin.hex.prefix(8)), String(waiting.from), String(waiting.through),
        waiting.file)
    }
    for fork in summary.forks {
      Console.say("bundle.fork", String(fork.origin.hex.prefix(8)), String(fork.sequence), fork.file)
    }
  }
}
